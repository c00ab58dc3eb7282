// Realtime fan-out: N authenticated sockets on one course channel, ~200-byte upload-progress
// events published at 10/s through the HTTP bridge. Reports delivery latency (bridge POST sent →
// message received) p50/p99 and delivered/expected, beside a bare crossws server measured the
// same way in the same run (its floor on this machine), and Lectern over Redis when available.
import { randomBytes } from 'node:crypto'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase } from '../server/database/connection.ts'
import { applyMigrations } from '../server/database/migrations.ts'
import { buildUser } from '../prisma/seed/factories.ts'
import { ensureBuilt } from '../tests/support/build.ts'
import { startServer } from '../tests/support/server-process.ts'
import { answers, provisionTestDatabase } from '../tests/support/test-database.ts'
import { fanOutLine, measureFanOut } from './fan-out.ts'
import type { Target } from './fan-out.ts'

const smoke = process.argv.includes('--smoke')
const SOCKETS = smoke ? 50 : 1000
const SECONDS = smoke ? 2 : 10
const RATE = 10
const root = resolve(import.meta.dirname, '..')
const fanOut = { sockets: SOCKETS, seconds: SECONDS, rate: RATE }

const progressEvent = (courseId: string, seq: number) => ({
  type: 'upload-progress',
  courseId,
  chapterId: 'chapter-0000000001',
  lessonId: 'lesson-0000000001',
  operationId: `op-${seq}`,
  data: { progress: Math.min(100, seq), bytes: seq * 1_048_576, total: 1_073_741_824 },
})
const seqOf = (text: string) => Number(/"operationId":"op-(\d+)"/.exec(text)?.[1])

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
      publish: async (seq) => {
        await (await fetch(`http://127.0.0.1:${port}/publish`, { method: 'POST', body: JSON.stringify(progressEvent('bare', seq)) })).arrayBuffer()
      },
      seqOf,
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
    publish: async (seq) => {
      const response = await fetch(`${server.url}/api/internal/broadcast`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
        body: JSON.stringify({ channel: `course:${course.id}`, event: progressEvent(course.id, seq) }),
      })
      if (!response.ok) throw new Error(`bridge answered ${response.status}: ${await response.text()}`)
    },
    seqOf,
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
  results.push(await measureFanOut(bare.target, fanOut))
  await bare.close()

  const inProcess = await lectern('Lectern, in-process pub/sub', { REDIS_URL: '' }, database, scratch)
  results.push(await measureFanOut(inProcess.target, fanOut))
  await inProcess.stop()

  const redisUrl = process.env.REDIS_URL || ((await answers('127.0.0.1', 6379)) ? 'redis://127.0.0.1:6379' : '')
  if (redisUrl) {
    const viaRedis = await lectern('Lectern, Redis pub/sub', { REDIS_URL: redisUrl }, database, scratch)
    results.push(await measureFanOut(viaRedis.target, fanOut))
    await viaRedis.stop()
  }
}
finally {
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}

console.log(`${SOCKETS} sockets on one channel, ${RATE} events/s for ${SECONDS} s (${database.kind})`)
for (const r of results) console.log(fanOutLine(r))
const [baseline, ...others] = results
for (const r of others) console.log(`${r.name}: p99 ×${(r.p99 / baseline!.p99).toFixed(2)} of bare crossws; target p99 ≤ 50 ms at 1000 sockets, 100 % delivered`)
