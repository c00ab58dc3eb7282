// Uploads: a large file through Lectern's resumable endpoint (8 MiB chunks), beside a bare
// @tus/server at the same chunk size and a bare stream-to-file server (default and 1 MiB
// buffers: the CPU-bound ceiling here), all on loopback in one run. Reports throughput, the
// ratio to the baselines, the Lectern process's peak RSS growth during the upload, and the
// delivery latency of progress events (server read the bytes → event received on the socket)
// with three uploads at once. Smoke mode uses 32 MiB instead of 1 GiB. `--progress-only` skips the
// throughput and memory rounds and runs the three uploads at once three times (the target holds
// in every run, not on average), printing each run.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, createReadStream, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { openDatabase } from '../server/database/connection.ts'
import { applyMigrations } from '../server/database/migrations.ts'
import { buildUser } from '../prisma/seed/factories.ts'
import { ensureBuilt } from '../tests/support/build.ts'
import { SERVER_NODE_FLAGS, startServer } from '../tests/support/server-process.ts'
import { provisionTestDatabase } from '../tests/support/test-database.ts'
import { cpuMs, ofTree, rssMb } from './proc.ts'
import { sampleVideo } from '../tests/support/video-fixtures.ts'

const smoke = process.argv.includes('--smoke')
// Contenders take turns (order alternating) and the figures are medians over the rounds: on a
// shared 2-core box single runs of the same code vary by ×2, and neighbours in time share noise.
const ROUNDS = smoke ? 1 : 5
const SIZE = smoke ? 32 * 1024 ** 2 : 1024 ** 3
const CHUNK = Number(process.env.BENCH_CHUNK_MB ?? 8) * 1024 * 1024
const SMALL_PATCHES = smoke ? 50 : 300
const progressOnly = process.argv.includes('--progress-only')
const PROGRESS_RUNS = progressOnly ? 3 : 1
const root = resolve(import.meta.dirname, '..')
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-upload-'))

/** A file that starts like a real MP4 (Lectern checks the first bytes) followed by random data. */
function makeFile(size: number): string {
  const path = join(scratch, 'big.mp4')
  const fd = openSync(path, 'w')
  writeSync(fd, readFileSync(sampleVideo()).subarray(0, 4096))
  const block = randomBytes(4 * 1024 * 1024)
  for (let written = 4096; written < size;) {
    const n = Math.min(block.length, size - written)
    writeSync(fd, block, 0, n)
    written += n
  }
  closeSync(fd)
  return path
}

function request(url: string, options: http.RequestOptions, body?: { file: string, start: number, end: number }, onSent?: () => void) {
  return new Promise<{ status: number, headers: http.IncomingHttpHeaders }>((done, fail) => {
    const req = http.request(url, options, (res) => {
      res.resume()
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers }))
    })
    req.on('error', fail)
    req.on('finish', () => onSent?.())
    if (!body) return void req.end()
    createReadStream(body.file, { start: body.start, end: body.end, highWaterMark: 1024 * 1024 }).pipe(req)
  })
}

async function tusUpload(base: string, path: string, file: string, headers: Record<string, string>, metadata: string, size = SIZE, chunk = CHUNK) {
  const created = await request(`${base}${path}`, { method: 'POST', headers: { ...headers, 'tus-resumable': '1.0.0', 'upload-length': String(size), 'upload-metadata': metadata } })
  if (created.status !== 201) throw new Error(`creation answered ${created.status}`)
  const url = new URL(String(created.headers.location), base).toString()
  for (let offset = 0; offset < size;) {
    const end = Math.min(offset + chunk, size) - 1
    const next = end + 1
    const res = await request(url, {
      method: 'PATCH',
      headers: { ...headers, 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(next - offset) },
    }, { file, start: offset, end })
    if (res.status !== 204) throw new Error(`PATCH answered ${res.status}`)
    offset = Number(res.headers['upload-offset'])
  }
}

/** Runs `work` while sampling the RSS of `pid` every 50 ms: growth of the peak over the start. */
async function rssGrowth(pid: number, work: () => Promise<void>): Promise<{ before: number, peak: number }> {
  const before = ofTree(rssMb, pid)
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, ofTree(rssMb, pid))
  }, 50)
  try {
    await work()
  }
  finally {
    clearInterval(sampler)
  }
  return { before, peak }
}

async function timed(run: () => Promise<void>) {
  const started = performance.now()
  await run()
  return SIZE / 1024 ** 2 / ((performance.now() - started) / 1000)
}

function child(script: string, args: string[]): Promise<{ port: number, process: ChildProcess }> {
  // The same Node flags as the Lectern server (`npm start`), so the comparison is of the code.
  const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, ...SERVER_NODE_FLAGS].filter(Boolean).join(' ') }
  const proc = spawn('tsx', [join(import.meta.dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env })
  return new Promise((done, fail) => {
    proc.stdout!.once('data', chunk => done({ port: Number(String(chunk).trim()), process: proc }))
    proc.once('exit', code => fail(new Error(`${script} exited (${code})`)))
  })
}

/**
 * A socket subscribed to the course in its own thread (its own event loop, like another tab), so
 * the uploads this process drives do not delay its messages. Latency: from when the server had
 * read the counted bytes (the event's `at`, same machine and clock) to the message arriving,
 * the server's throttle and fan-out included.
 */
function progressListener(url: string, cookie: string, channel: string) {
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads')
    const WebSocket = require(workerData.ws)
    const latencies = []
    const ws = new WebSocket(workerData.url, { headers: { cookie: workerData.cookie } })
    ws.on('open', () => ws.send(JSON.stringify({ op: 'subscribe', channel: workerData.channel })))
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw))
      if (message.op === 'subscribed') parentPort.postMessage('ready')
      if (message.op === 'event' && message.event.type === 'upload-progress') latencies.push(Date.now() - message.event.data.at)
    })
    parentPort.on('message', () => { ws.close(); parentPort.postMessage(latencies) })
  `, { eval: true, workerData: { url, cookie, channel, ws: createRequire(import.meta.url).resolve('ws') } })
  const ready = new Promise(done => worker.once('message', done))
  return {
    ready,
    async stop(): Promise<number[]> {
      const result = new Promise<number[]>(done => worker.once('message', done))
      worker.postMessage('stop')
      const latencies = await result
      await worker.terminate()
      return latencies
    },
  }
}

const file = makeFile(SIZE)
const database = await provisionTestDatabase()
const rounds: Record<string, number[]> = {}
const record = (name: string, mbPerSecond: number) => {
  (rounds[name] ??= []).push(mbPerSecond)
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const emptyDir = (dir: string) => {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
}
const children: ChildProcess[] = []
try {
  const connection = openDatabase({ databaseUrl: database.url ?? '', pgliteDir: database.pgliteDir })
  await applyMigrations(connection.adapter)
  await connection.close()
  ensureBuilt(root)

  const streamDir = join(scratch, 'stream')
  const tusDir = join(scratch, 'tus')
  emptyDir(tusDir)
  const streamDefault = await child('bare-stream-server.ts', [streamDir])
  const stream1MiB = await child('bare-stream-server.ts', [streamDir, String(1024 * 1024)])
  const bareTus = await child('bare-tus-server.ts', [tusDir])
  children.push(streamDefault.process, stream1MiB.process, bareTus.process)

  const storageDir = join(scratch, 'lectern-storage')
  // Each contender's bytes are deleted after its turn, Lectern's as well as bare tus's: a file
  // kept on disk is written back by the kernel some seconds later, in another contender's turn,
  // while a file deleted at once never reaches the disk. Keeping only Lectern's made its bytes
  // cost disk writes that the bare server's never did.
  const lecternFiles = join(storageDir, 'files')
  const server = await startServer(root, {
    NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
    LECTERN_STORAGE_DIR: storageDir,
    LECTERN_MAX_VIDEO_BYTES: String(4 * 1024 ** 3),
    ...(database.url ? { DATABASE_URL: database.url, LECTERN_DATA_DIR: join(scratch, 'data') } : { DATABASE_URL: '', LECTERN_DATA_DIR: resolve(database.pgliteDir!, '..') }),
  })
  try {
    const signUp = await fetch(`${server.url}/api/auth/sign-up`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(buildUser()) })
    const cookie = signUp.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
    const json = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }).then(r => r.json())
    const course = (await json('/api/courses', { title: 'Bench', category: 'Other' })).data
    const chapter = (await json(`/api/courses/${course.id}/chapters`, { title: 'Bench' })).data
    const b64 = (s: string) => Buffer.from(s).toString('base64')
    const metadata = (name: string) => `filename ${b64(name)},filetype ${b64('video/mp4')},target ${b64('lesson')},chapterId ${b64(chapter.id)}`

    // Warm-up: the first request loads code lazily (Nitro's route chunks, tus) and JIT-compiles
    // it; neither the throughput nor the memory growth of a 1 GiB upload should count that.
    await tusUpload(`http://127.0.0.1:${bareTus.port}`, '/files', file, {}, 'filename YmlnLm1wNA==', CHUNK)
    await tusUpload(server.url, '/api/uploads', file, { cookie }, metadata('warm-up.mp4'), CHUNK)
    emptyDir(tusDir)
    emptyDir(lecternFiles)

    if (!progressOnly) {
      const lecternRss = { before: ofTree(rssMb, server.process.pid!), peak: 0 }
      const bareTusRss = { before: ofTree(rssMb, bareTus.process.pid!), peak: 0 }
      const ratios: number[] = []
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, bare] of [['stream, default buffers', streamDefault], ['stream, 1 MiB buffers', stream1MiB]] as const) {
          record(name, await timed(async () => {
            await request(`http://127.0.0.1:${bare.port}/`, { method: 'PUT', headers: { 'content-length': String(SIZE) } }, { file, start: 0, end: SIZE - 1 })
          }))
        }
        const runBareTus = async () => {
          const { peak } = await rssGrowth(bareTus.process.pid!, async () => {
            record('bare @tus/server, 8 MiB chunks', await timed(() => tusUpload(`http://127.0.0.1:${bareTus.port}`, '/files', file, {}, 'filename YmlnLm1wNA==')))
          })
          bareTusRss.peak = Math.max(bareTusRss.peak, peak)
          emptyDir(tusDir)
        }
        const runLectern = async () => {
          const { peak } = await rssGrowth(server.process.pid!, async () => {
            record('Lectern, 8 MiB chunks', await timed(() => tusUpload(server.url, '/api/uploads', file, { cookie }, metadata(`big-${round}.mp4`))))
          })
          lecternRss.peak = Math.max(lecternRss.peak, peak)
          emptyDir(lecternFiles)
        }
        for (const run of round % 2 ? [runLectern, runBareTus] : [runBareTus, runLectern]) await run()
        ratios.push(rounds['Lectern, 8 MiB chunks']!.at(-1)! / rounds['bare @tus/server, 8 MiB chunks']!.at(-1)!)
      }

      // The fixed cost of a PATCH, where it dominates: 64 KiB PATCHes, the server's CPU per PATCH
      // (its process and children, from /proc: not the wall clock, which the neighbours move).
      const SMALL = 64 * 1024
      const perPatch: Record<string, number[]> = { bare: [], lectern: [] }
      const small = async (name: 'bare' | 'lectern', pid: number, upload: () => Promise<void>) => {
        const before = ofTree(cpuMs, pid)
        await upload()
        perPatch[name]!.push((ofTree(cpuMs, pid) - before) / SMALL_PATCHES)
      }
      for (let turn = 0; turn < 3; turn++) {
        await small('bare', bareTus.process.pid!, () => tusUpload(`http://127.0.0.1:${bareTus.port}`, '/files', file, {}, 'filename YmlnLm1wNA==', SMALL * SMALL_PATCHES, SMALL))
        await small('lectern', server.process.pid!, () => tusUpload(server.url, '/api/uploads', file, { cookie }, metadata(`small-${turn}.mp4`), SMALL * SMALL_PATCHES, SMALL))
      }
      emptyDir(tusDir)
      emptyDir(lecternFiles)

      const mb = (n: number) => `${n.toFixed(0).padStart(5)} MB/s`
      console.log(`${(SIZE / 1024 ** 2).toFixed(0)} MiB on loopback (${database.kind}), median of ${ROUNDS} round(s), Node flags: ${SERVER_NODE_FLAGS.join(' ') || 'none'}`)
      for (const [name, values] of Object.entries(rounds)) console.log(`${name.padEnd(32)} ${mb(median(values))}  (${values.map(v => v.toFixed(0)).join(', ')})`)
      const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`
      console.log(`Lectern / bare @tus/server, same round: ×${median(ratios).toFixed(2)} (rounds ${range}; target ≥ 0.9)`)
      const ms = (values: number[]) => `${median(values).toFixed(2)} ms (${values.map(v => v.toFixed(2)).join(', ')})`
      console.log(`server CPU per 64 KiB PATCH, ${SMALL_PATCHES} per turn: bare @tus/server ${ms(perPatch.bare!)}, Lectern ${ms(perPatch.lectern!)}`)
      console.log(`Lectern / stream with 1 MiB buffers: ×${(median(rounds['Lectern, 8 MiB chunks']!) / median(rounds['stream, 1 MiB buffers']!)).toFixed(2)}`)
      const growth = ({ before, peak }: { before: number, peak: number }) => `${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB, growth ${(peak - before).toFixed(0)} MB`
      console.log(`Lectern RSS: ${growth(lecternRss)} (target < 64); bare @tus/server: ${growth(bareTusRss)}`)
    }

    // Progress delivery with three uploads at once.
    for (let run = 1; run <= PROGRESS_RUNS; run++) {
      const listener = progressListener(`${server.url.replace('http', 'ws')}/_ws`, cookie, `course:${course.id}`)
      await listener.ready
      await Promise.all([0, 1, 2].map(async (i) => {
        const created = await request(`${server.url}/api/uploads`, { method: 'POST', headers: { cookie, 'tus-resumable': '1.0.0', 'upload-length': String(SIZE), 'upload-metadata': metadata(`three-${run}-${i}.mp4`) } })
        const url = new URL(String(created.headers.location), server.url).toString()
        for (let offset = 0; offset < SIZE;) {
          const next = Math.min(offset + CHUNK, SIZE)
          const res = await request(url, { method: 'PATCH', headers: { cookie, 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(next - offset) } }, { file, start: offset, end: next - 1 })
          offset = Number(res.headers['upload-offset'])
        }
      }))
      // The last events are on their way when the last PATCH answers.
      const latencies = await (async () => {
        await new Promise(done => setTimeout(done, 300))
        return listener.stop()
      })()
      latencies.sort((a, b) => a - b)
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? Number.NaN
      console.log(`progress delivery, 3 uploads at once${PROGRESS_RUNS > 1 ? `, run ${run} of ${PROGRESS_RUNS}` : ''}: p50 ${pct(0.5).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms, max ${pct(1).toFixed(1)} ms over ${latencies.length} events (target p99 < 50)`)
      emptyDir(lecternFiles)
    }
  }
  finally {
    await server.stop()
  }
}
finally {
  for (const proc of children) proc.kill('SIGTERM')
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}
