// How far a drag-select scrolls its container in one animation frame: nothing away from the
// edges, then faster the deeper the pointer is in the edge band (or past it, outside the box), so
// the user controls the speed by how close they hold the pointer to the edge.
export const AUTOSCROLL_EDGE = 48
export const AUTOSCROLL_MAX_STEP = 28

/** Signed pixels to scroll along one axis: negative towards `start`, positive towards `end`. */
export function autoscrollStep(pointer: number, start: number, end: number, edge = AUTOSCROLL_EDGE, maxStep = AUTOSCROLL_MAX_STEP): number {
  const band = Math.min(edge, (end - start) / 4) // a small box keeps a middle where nothing scrolls
  if (band <= 0) return 0
  if (pointer < start + band) return -Math.ceil(maxStep * Math.min(1, (start + band - pointer) / band))
  if (pointer > end - band) return Math.ceil(maxStep * Math.min(1, (pointer - (end - band)) / band))
  return 0
}
