// HLS transcode worker, run as its own process by the media:transcode job. It encodes the video at
// LECTERN_WORKER_INPUT (a file, or a presigned URL of the object store) into the renditions of
// LECTERN_WORKER_LADDER, lowest first, with Debian's ffmpeg at low priority (`nice`, x264's
// veryfast preset) into LECTERN_WORKER_OUTPUT (this machine's scratch), and after each rendition
// reports to the server's internal endpoint, which stores its files and marks it ready: the
// lowest rendition streams while the higher ones are still being made. Progress (percent of the
// whole ladder, from ffmpeg's -progress output) is reported about once a second.
// It never opens the database. Plain JavaScript with only Node built-ins, like process-video.mjs;
// reports go through report.mjs.
import { execFile, spawn } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { report } from './report.mjs'

const run = promisify(execFile)
const {
  LECTERN_WORKER_INPUT: input,
  LECTERN_WORKER_OUTPUT: output,
  LECTERN_WORKER_UPLOAD: uploadId,
  LECTERN_WORKER_LADDER: ladderJson,
} = process.env
const SEGMENT_SECONDS = 4
const PROGRESS_EVERY_MS = 1000

async function probe() {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', input], { timeout: 120_000 })
  const info = JSON.parse(stdout)
  const streams = info.streams ?? []
  const video = streams.find(s => s.codec_type === 'video')
  return { duration: Number(info.format?.duration ?? video?.duration) || 0, audio: streams.some(s => s.codec_type === 'audio') }
}

/** Peak bits per second over the rendition's segments: what the master playlist's BANDWIDTH says. */
async function peakBandwidth(height) {
  const playlist = await readFile(join(output, `${uploadId}.hls.${height}.m3u8`), 'utf8')
  let duration = 0
  let peak = 0
  for (const line of playlist.split('\n')) {
    if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8))
    else if (line && !line.startsWith('#')) {
      const bytes = (await stat(join(output, line.trim()))).size
      if (duration > 0) peak = Math.max(peak, Math.round(bytes * 8 / duration))
    }
  }
  return Math.max(peak, 1)
}

/** Encodes one rendition; `onSeconds` hears how far into the video ffmpeg is. */
function encode({ height, width, videoKbps, audioKbps }, audio, onSeconds) {
  const args = [
    '-n', '10', 'ffmpeg', '-v', 'error', '-nostdin', '-y', '-i', input,
    '-map', '0:v:0', ...(audio ? ['-map', '0:a:0'] : []),
    '-vf', `scale=${width}:${height}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p',
    '-b:v', `${videoKbps}k`, '-maxrate', `${Math.round(videoKbps * 1.1)}k`, '-bufsize', `${videoKbps * 2}k`,
    // A key frame at every segment boundary, the same in every rendition, so a player can switch between segments.
    '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`, '-sc_threshold', '0',
    ...(audio ? ['-c:a', 'aac', '-b:a', `${audioKbps}k`, '-ac', '2', '-ar', '48000'] : []),
    '-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments',
    '-hls_segment_filename', join(output, `${uploadId}.hls.${height}.%05d.ts`),
    '-progress', 'pipe:1',
    join(output, `${uploadId}.hls.${height}.m3u8`),
  ]
  return new Promise((resolve, reject) => {
    const child = spawn('nice', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let pending = ''
    child.stdout.on('data', (chunk) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop()
      for (const line of lines) {
        const match = /^out_time_us=(\d+)/.exec(line)
        if (match) onSeconds(Number(match[1]) / 1e6)
      }
    })
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-2000)
    })
    child.once('error', reject)
    child.once('exit', code => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`))))
  })
}

try {
  const ladder = JSON.parse(ladderJson)
  const { duration, audio } = await probe()
  let lastReport = 0
  let lastPercent = -1
  const progress = async (percent, force = false) => {
    const now = Date.now()
    if (percent === lastPercent || (!force && now - lastReport < PROGRESS_EVERY_MS)) return
    lastReport = now
    lastPercent = percent
    await report({ percent }, { path: 'transcode-progress', tries: 1 }).catch(error => console.error(error.message))
  }
  await progress(0, true)
  for (const [index, rendition] of ladder.entries()) {
    await encode(rendition, audio, (seconds) => {
      const done = duration > 0 ? Math.min(seconds / duration, 1) : 0
      void progress(Math.min(99, Math.floor(((index + done) / ladder.length) * 100)))
    })
    await report({ height: rendition.height, bandwidth: await peakBandwidth(rendition.height), audio }, { path: 'rendition' })
  }
  await progress(100, true)
}
catch (error) {
  console.error(error?.message ?? String(error))
  process.exit(1) // the job retries, then gives up
}
