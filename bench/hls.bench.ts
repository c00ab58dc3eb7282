// Adaptive streaming: what the ladder costs to make and what it buys a student on a weak link.
// - Transcode: Lectern's own worker (server/workers/transcode-video.mjs, the ffmpeg command line
//   the media:transcode job runs) on a 720p source of ~5 Mb/s that does not compress away (a test
//   pattern under moving noise, with a tone): wall time per minute of video for the whole ladder
//   (360p, 540p, 720p), lowest rendition first, and when the lowest was ready.
// - Playback: Chromium (Debian's, playwright-core) under its network emulation at 1.6 Mbit/s down
//   (40 ms latency), playing for 10 s from a cold cache: the ladder through hls.js (the same
//   version and start level as the app) against the original file in a plain <video>; startup
//   time (navigation to the first `playing`), time spent stalled, and the bytes fetched.
// Both sides are served by one static server of the bench's own (Range-capable), so the figures
// measure the files and the player, not Lectern's access checks, which cost both sides alike.
// Smoke mode: a 6 s source, 2 s of playback on an unthrottled link.
import { execFileSync, spawn } from 'node:child_process'
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { planLadder } from '../server/services/upload/hls-ladder.ts'

const smoke = process.argv.includes('--smoke')
const SECONDS = smoke ? 6 : 60
const WATCH_SECONDS = smoke ? 2 : 10
// Smoke mode only proves the pieces still fit together: an unthrottled link keeps it short.
const DOWN_BITS = smoke ? 50_000_000 : 1_600_000
const root = resolve(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'lectern-hls-bench-'))
const UPLOAD = 'b'.repeat(32)

function makeSource(): string {
  const file = join(dir, 'source.mp4')
  execFileSync('ffmpeg', ['-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=duration=${SECONDS}:size=1280x720:rate=25`,
    '-f', 'lavfi', '-i', `sine=frequency=330:duration=${SECONDS}`,
    // Noise that changes every frame: the encoder needs its 5 Mb/s, as for a real camera.
    '-vf', 'noise=alls=14:allf=t+u', '-pix_fmt', 'yuv420p',
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '5M', '-maxrate', '5M', '-bufsize', '10M',
    '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-shortest', file])
  return file
}

/** Runs the worker as the job does, with a report endpoint that only listens. */
async function transcode(input: string, output: string): Promise<{ seconds: number, lowestAfter: number, renditions: number }> {
  const started = Date.now()
  let lowestAfter = 0
  let renditions = 0
  const reports = createServer((request, response) => {
    if (request.url?.endsWith('/rendition') && ++renditions === 1) lowestAfter = (Date.now() - started) / 1000
    request.resume().on('end', () => response.end('{}'))
  })
  await new Promise<void>(done => reports.listen(0, '127.0.0.1', done))
  const ladder = planLadder({ width: 1280, height: 720 })
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'server/workers/transcode-video.mjs')], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        PATH: process.env.PATH,
        LECTERN_WORKER_INPUT: input,
        LECTERN_WORKER_OUTPUT: output,
        LECTERN_WORKER_UPLOAD: UPLOAD,
        LECTERN_WORKER_LADDER: JSON.stringify(ladder),
        LECTERN_WORKER_REPORT_URL: `http://127.0.0.1:${(reports.address() as AddressInfo).port}/media`,
        LECTERN_WORKER_TOKEN: 'bench',
      },
    })
    child.once('exit', code => (code === 0 ? done() : fail(new Error(`the worker exited with ${code}`))))
  })
  reports.close()
  return { seconds: (Date.now() - started) / 1000, lowestAfter, renditions }
}

const TYPES: Record<string, string> = { '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t', '.mp4': 'video/mp4', '.js': 'text/javascript', '.html': 'text/html' }

/** Static files with Range support; the master playlist is written the way the app's route writes it. */
async function serve(files: Record<string, string>, pages: Record<string, string>) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname)
    if (pages[path]) return response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html' }).end(pages[path])
    const file = files[path]
    if (!file) return response.writeHead(404).end()
    const size = statSync(file).size
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '')
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    if (!range) return createReadStream(file).pipe(response.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes' }))
    const start = Number(range[1])
    const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
    createReadStream(file, { start, end }).pipe(response.writeHead(206, { 'content-type': type, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}`, 'accept-ranges': 'bytes' }))
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }
}

const page = (body: string) => `<!doctype html><meta charset="utf-8"><body>${body}<script>
const v = document.querySelector('video'); window.marks = { stalledMs: 0 }; let waitingSince = 0
v.addEventListener('playing', () => { window.marks.playing ??= performance.now(); if (waitingSince) window.marks.stalledMs += performance.now() - waitingSince; waitingSince = 0 })
v.addEventListener('waiting', () => { if (window.marks.playing) waitingSince = performance.now() })
</script>`

async function play(url: string, watchSeconds: number) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] })
  try {
    const tab = await browser.newPage()
    const cdp = await tab.context().newCDPSession(tab)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: DOWN_BITS / 8, uploadThroughput: 750_000 / 8 })
    let bytes = 0
    cdp.on('Network.dataReceived', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength
    })
    await tab.goto(url)
    await tab.waitForFunction(() => (window as unknown as { marks: { playing?: number } }).marks.playing !== undefined, null, { timeout: 120_000 })
    const startup = await tab.evaluate(() => (window as unknown as { marks: { playing: number } }).marks.playing)
    await tab.waitForTimeout(watchSeconds * 1000)
    const { stalledMs, position } = await tab.evaluate(() => ({ stalledMs: (window as unknown as { marks: { stalledMs: number } }).marks.stalledMs, position: document.querySelector('video')!.currentTime }))
    return { startupMs: Math.round(startup), stalledMs: Math.round(stalledMs), position: Math.round(position * 10) / 10, bytes }
  }
  finally {
    await browser.close()
  }
}

try {
  console.log(`source: ${SECONDS} s of 1280×720 (noisy test pattern + tone) at ~5 Mb/s`)
  const source = makeSource()
  const sourceMbps = (statSync(source).size * 8) / SECONDS / 1e6
  const output = join(dir, 'ladder')
  execFileSync('mkdir', ['-p', output])
  const made = await transcode(source, output)
  if (made.renditions !== 3) throw new Error(`the worker made ${made.renditions} renditions, not 3`)
  console.log(`transcode: ${made.seconds.toFixed(1)} s for ${SECONDS} s of video (${(made.seconds / (SECONDS / 60)).toFixed(1)} s per minute of video, niced, veryfast); lowest rendition ready after ${made.lowestAfter.toFixed(1)} s`)

  const ladder = planLadder({ width: 1280, height: 720 })
  const files: Record<string, string> = { '/original.mp4': source, '/hls.js': join(root, 'node_modules/hls.js/dist/hls.min.js') }
  for (const name of execFileSync('ls', [output]).toString().trim().split('\n')) files[`/${name}`] = join(output, name)
  const bandwidth = (height: number) => {
    const playlist = readFileSync(join(output, `${UPLOAD}.hls.${height}.m3u8`), 'utf8')
    const durations = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map(m => Number(m[1]))
    const sizes = playlist.split('\n').filter(l => l && !l.startsWith('#')).map(l => statSync(join(output, l)).size)
    return Math.max(...sizes.map((size, i) => Math.round((size * 8) / durations[i]!)))
  }
  const master = ['#EXTM3U', '#EXT-X-VERSION:3', ...ladder.flatMap(r => [`#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth(r.height)},RESOLUTION=${r.width}x${r.height},CODECS="avc1.4d401f,mp4a.40.2"`, `${UPLOAD}.hls.${r.height}.m3u8`])].join('\n')
  const served = await serve(files, {
    '/master.m3u8': master,
    '/hls.html': page(`<video muted autoplay></video><script src="/hls.js"></script><script>const h = new Hls({ startLevel: 0 }); h.loadSource('/master.m3u8'); h.attachMedia(document.querySelector('video'))</script>`),
    '/original.html': page(`<video muted autoplay preload="auto" src="/original.mp4"></video>`),
  })
  try {
    console.log(`\nplayback at ${DOWN_BITS / 1e6} Mbit/s down, 40 ms, ${WATCH_SECONDS} s after the first frame, cold cache:`)
    console.log('| what | startup | stalled | position | fetched |')
    console.log('|---|---|---|---|---|')
    for (const [name, url] of [['HLS (hls.js, 360p first)', '/hls.html'], [`original (${sourceMbps.toFixed(1)} Mb/s)`, '/original.html']] as const) {
      const result = await play(served.url + url, WATCH_SECONDS)
      console.log(`| ${name} | ${(result.startupMs / 1000).toFixed(2)} s | ${(result.stalledMs / 1000).toFixed(1)} s | ${result.position} s | ${(result.bytes / 1e6).toFixed(2)} MB |`)
    }
  }
  finally {
    served.close()
  }
}
finally {
  rmSync(dir, { recursive: true, force: true })
}
