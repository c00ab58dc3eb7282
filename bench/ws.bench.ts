// Realtime fan-out: N authenticated sockets on one course channel, ~200-byte upload-progress
// events published at 10/s through the HTTP bridge. Reports delivery latency (bridge POST sent →
// message received) p50/p99 and delivered/expected, beside a bare crossws server measured the
// same way in the same run (its floor on this machine), and Lectern over Redis when available.
import { randomBytes } from 'node:crypto'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import WebSocket from 'ws'
import { openDatabase } from '../server/database/connection.ts'
import { applyMigrations } from '../server/database/migrations.ts'
import { buildUser } from '../prisma/seed/factories.ts'
import { ensureBuilt } from '../tests/support/build.ts'
import { startServer } from '../tests/support/server-process.ts'
import { answers, provisionTestDatabase } from '../tests/support/test-database.ts'

const smoke = process.argv.includes('--smoke')
const SOCKETS = smoke ? 50 : 1000
const SECONDS = smoke ? 2 : 10
const RATE = 10
const root = resolve(import.meta.dirname, '..')

interface Target {
  name: string
  wsUrl: string
  headers: Record<string, string>
  subscribe?: string
  publish: (body: string) => Promise<void>
}

const progressEvent = (courseId: string, seq: number) => ({
  type: 'upload-progress',
  courseId,
  chapterId: 'chapter-0000000001',
  lessonId: 'lesson-0000000001',
  operationId: `op-${seq}`,
  data: { progress: Math.min(100, seq), bytes: seq * 1_048_576, total: 1_073_741_824 },
})

async function openSockets(target: Target): Promise<WebSocket[]> {
  const sockets: WebSocket[] = []
  for (let i = 0; i < SOCKETS; i += 50) {
    const batch = Array.from({ length: Math.min(50, SOCKETS - i) }, () => new Promise<WebSocket>((resolvePromise, reject) => {
      const ws = new WebSocket(target.wsUrl, { headers: target.headers })
      ws.once('error', reject)
      if (!target.subscribe) return ws.once('open', () => resolvePromise(ws))
      ws.on('message', function onMessage(data) {
        const message = JSON.parse(String(data))
        if (message.op === 'ready') ws.send(JSON.stringify({ op: 'subscribe', channel: target.subscribe }))
        if (message.op === 'subscribed') {
          ws.off('message', onMessage)
          resolvePromise(ws)
        }
      })
    }))
    sockets.push(...await Promise.all(batch))
  }
  return sockets
}

async function run(target: Target, courseId: string) {
  const sockets = await openSockets(target)
  const sentAt = new Map<number, number>()
  const latencies: number[] = []
  let bytes = 0
  for (const ws of sockets) {
    ws.on('message', (data) => {
      const received = performance.now()
      const text = String(data)
      const seq = Number(/"operationId":"op-(\d+)"/.exec(text)?.[1])
      const sent = sentAt.get(seq)
      if (sent !== undefined) {
        latencies.push(received - sent)
        bytes = text.length
      }
    })
  }
  // One second of warm-up events, not measured, so JIT and connection warm-up do not count.
  for (let i = 0; i < RATE; i++) {
    await target.publish(JSON.stringify(progressEvent(courseId, 1_000_000 + i)))
    await new Promise(r => setTimeout(r, 1000 / RATE))
  }
  const total = SECONDS * RATE
  const started = performance.now()
  for (let seq = 0; seq < total; seq++) {
    const due = started + (seq * 1000) / RATE
    const wait = due - performance.now()
    if (wait > 0) await new Promise(r => setTimeout(r, wait))
    sentAt.set(seq, performance.now())
    await target.publish(JSON.stringify(progressEvent(courseId, seq)))
  }
  // Deliveries still in flight get a bounded grace period, then count as lost.
  const expected = total * sockets.length
  const deadline = performance.now() + 5000
  while (latencies.length < expected && performance.now() < deadline) await new Promise(r => setTimeout(r, 20))
  for (const ws of sockets) ws.terminate()
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? Number.NaN
  return { name: target.name, p50: pct(0.5), p99: pct(0.99), delivered: latencies.length, expected, bytes }
}

async function bareCrossws(): Promise<{ target: Target, close: () => Promise<void> }> {
  const child = spawn('tsx', [join(import.meta.dirname, 'bare-crossws-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolvePromise, reject) => {
    child.stdout!.once('data', chunk => resolvePromise(Number(String(chunk).trim())))
    child.once('exit', code => reject(new Error(`the bare crossws server exited (${code})`)))
  })
  return {
    target: {
      name: 'bare crossws (baseline)',
      wsUrl: `ws://127.0.0.1:${port}/`,
      headers: {},
      publish: async (body) => {
        await (await fetch(`http://127.0.0.1:${port}/publish`, { method: 'POST', body })).arrayBuffer()
      },
    },
    close: async () => {
      child.kill('SIGTERM')
    },
  }
}

async function lectern(name: string, env: Record<string, string>, database: Awaited<ReturnType<typeof provisionTestDatabase>>, scratch: string) {
  const token = randomBytes(16).toString('hex')
  const server = await startServer(root, {
    NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
    LECTERN_INTERNAL_TOKEN: token,
    LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
    ...(database.url ? { DATABASE_URL: database.url, LECTERN_DATA_DIR: join(scratch, 'data') } : { DATABASE_URL: '', LECTERN_DATA_DIR: resolve(database.pgliteDir!, '..') }),
    ...env,
  })
  const signUp = await fetch(`${server.url}/api/auth/sign-up`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(buildUser()) })
  const cookie = signUp.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
  const created = await fetch(`${server.url}/api/courses`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ title: 'Bench course', category: 'Other' }) })
  const course = (await created.json()).data as { id: string }
  const target: Target = {
    name,
    wsUrl: `${server.url.replace(/^http/, 'ws')}/_ws`,
    headers: { cookie },
    subscribe: `course:${course.id}`,
    publish: async (body) => {
      const response = await fetch(`${server.url}/api/internal/broadcast`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
        body: JSON.stringify({ channel: `course:${course.id}`, event: JSON.parse(body) }),
      })
      if (!response.ok) throw new Error(`bridge answered ${response.status}: ${await response.text()}`)
    },
  }
  return { target, courseId: course.id, stop: () => server.stop() }
}

const database = await provisionTestDatabase()
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-ws-'))
const results = []
try {
  const connection = openDatabase({ databaseUrl: database.url ?? '', pgliteDir: database.pgliteDir })
  await applyMigrations(connection.adapter)
  await connection.close()
  ensureBuilt(root)

  const bare = await bareCrossws()
  results.push(await run(bare.target, 'bare'))
  await bare.close()

  const inProcess = await lectern('Lectern, in-process pub/sub', { REDIS_URL: '' }, database, scratch)
  results.push(await run(inProcess.target, inProcess.courseId))
  await inProcess.stop()

  const redisUrl = process.env.REDIS_URL || ((await answers('127.0.0.1', 6379)) ? 'redis://127.0.0.1:6379' : '')
  if (redisUrl) {
    const viaRedis = await lectern('Lectern, Redis pub/sub', { REDIS_URL: redisUrl }, database, scratch)
    results.push(await run(viaRedis.target, viaRedis.courseId))
    await viaRedis.stop()
  }
}
finally {
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}

console.log(`${SOCKETS} sockets on one channel, ${RATE} events/s for ${SECONDS} s (${database.kind})`)
for (const r of results) {
  console.log(`${r.name.padEnd(30)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   delivered ${r.delivered}/${r.expected} (${((100 * r.delivered) / r.expected).toFixed(1)} %)   message ${r.bytes} B`)
}
const [baseline, ...others] = results
for (const r of others) console.log(`${r.name}: p99 ×${(r.p99 / baseline!.p99).toFixed(2)} of bare crossws; target p99 ≤ 50 ms at 1000 sockets, 100 % delivered`)
