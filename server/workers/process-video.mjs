// Media processing worker, run as its own process by the media:process job. It reads a video (or,
// with LECTERN_WORKER_MODE=image, an image) with Debian's ffprobe/ffmpeg from LECTERN_WORKER_INPUT
// (a file, or a presigned URL of the object store), writes a thumbnail to a local file, and
// reports to the server's internal endpoint (report.mjs). It never opens the database: the
// server records the result and broadcasts it.
// Plain JavaScript with only Node built-ins, so it runs as-is in dev and next to the built server.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { report } from './report.mjs'

const run = promisify(execFile)
const { LECTERN_WORKER_INPUT: input, LECTERN_WORKER_THUMBNAIL: thumbnail, LECTERN_WORKER_MODE: mode = 'video' } = process.env

async function probe() {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', input], { timeout: 120_000 })
  const info = JSON.parse(stdout)
  const video = (info.streams ?? []).find(s => s.codec_type === 'video')
  const duration = Number(info.format?.duration ?? video?.duration)
  if (!video) return { failure: 'The file has no video stream.' }
  if (!Number.isFinite(duration) || duration <= 0) return { failure: 'The video has no readable duration.' }
  return { durationSeconds: Math.max(1, Math.round(duration)), width: video.width ?? null, height: video.height ?? null }
}

async function makeThumbnail(durationSeconds) {
  // A frame a little into the video (not the black first frame), 480 px wide.
  const at = Math.min(Math.max(durationSeconds * 0.1, 0), Math.max(durationSeconds - 0.5, 0))
  await run('ffmpeg', ['-v', 'error', '-y', '-ss', at.toFixed(2), '-i', input, '-frames:v', '1', '-vf', 'scale=480:-2', thumbnail], { timeout: 120_000 })
}

async function probeImage() {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', input], { timeout: 60_000 })
  const image = (JSON.parse(stdout).streams ?? []).find(s => s.codec_type === 'video')
  if (!image?.width || !image?.height) return { failure: 'The image has no readable size.' }
  return { width: image.width, height: image.height }
}

async function makeImageThumbnail() {
  // At most 480 px wide, never enlarged; the first frame of an animated GIF.
  await run('ffmpeg', ['-v', 'error', '-y', '-i', input, '-frames:v', '1', '-vf', 'scale=\'min(480,iw)\':-2', thumbnail], { timeout: 60_000 })
}

/** What the file is: its size (and duration) with a thumbnail made, or why it cannot be used. */
async function read() {
  try {
    if (mode === 'image') {
      const probed = await probeImage()
      if (probed.failure) return probed
      await makeImageThumbnail()
      return { ...probed, thumbnail: true }
    }
    const probed = await probe()
    if (probed.failure) return probed
    await makeThumbnail(probed.durationSeconds)
    return { ...probed, thumbnail: true }
  }
  catch (error) {
    // ffprobe or ffmpeg could not read it at all: a broken or unsupported file, not a passing hiccup.
    const message = error?.stderr?.toString().trim().split('\n').pop() || error?.message || String(error)
    return { failure: `The ${mode === 'image' ? 'image' : 'video'} could not be read (${message.slice(0, 300)}).` }
  }
}

// A report that cannot be made (after report.mjs's own tries) never turns into a verdict on the
// file: the worker exits, and the job runs it again (then gives up, saying why).
try {
  await report(await read())
}
catch (error) {
  console.error(error.message)
  process.exit(2)
}
