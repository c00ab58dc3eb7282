// Which renditions a video's HLS ladder has: the rungs 360p, 540p and 720p up to the source's
// height (never enlarged), and the source's own height when it falls below a rung it cannot
// reach (a 480p source gets 360p and 480p; a 240p one only 240p). Widths keep the source's shape,
// even (H.264 with 4:2:0 colour wants even sizes). Pure: the job plans, the worker encodes.

export interface PlannedRendition {
  height: number
  width: number
  videoKbps: number
  audioKbps: number
}

const RUNGS = [
  { height: 360, videoKbps: 800, audioKbps: 96 },
  { height: 540, videoKbps: 1400, audioKbps: 128 },
  { height: 720, videoKbps: 2500, audioKbps: 128 },
] as const

const even = (value: number) => Math.max(2, Math.round(value / 2) * 2)

export function planLadder(source: { width: number, height: number }): PlannedRendition[] {
  const sourceHeight = even(source.height)
  const rungs: { height: number, videoKbps: number, audioKbps: number }[] = RUNGS.filter(rung => rung.height <= sourceHeight)
  const top = RUNGS[RUNGS.length - 1]!
  if (sourceHeight < top.height && !rungs.some(rung => rung.height === sourceHeight)) {
    // The next rung up's rate, scaled by the pixels the source has.
    const above = RUNGS.find(rung => rung.height > sourceHeight)!
    const share = (sourceHeight / above.height) ** 2
    rungs.push({ height: sourceHeight, videoKbps: Math.max(200, Math.round(above.videoKbps * share)), audioKbps: above.audioKbps })
  }
  return rungs
    .sort((a, b) => a.height - b.height)
    .map(rung => ({ ...rung, width: even(source.width * rung.height / source.height) }))
}
