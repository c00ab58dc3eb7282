// How fast the studio's course list answers for an instructor with many courses, against a
// baseline route that does the same session check and one database read in the same run.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase } from '../server/database/connection.ts'
import { applyMigrations } from '../server/database/migrations.ts'
import { buildCourse, buildUser } from '../prisma/seed/factories.ts'
import { ensureBuilt } from '../tests/support/build.ts'
import { startServer } from '../tests/support/server-process.ts'
import { provisionTestDatabase } from '../tests/support/test-database.ts'

const smoke = process.argv.includes('--smoke')
const COURSES = smoke ? 10 : 200
const REQUESTS = smoke ? 20 : 2000
const CONCURRENCY = 4
const root = resolve(import.meta.dirname, '..')

async function measure(url: string, cookie: string) {
  // Warm-up requests, not measured: the first calls pay for JIT and connection set-up.
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers: { cookie } })).arrayBuffer()
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < REQUESTS) {
      const t = performance.now()
      const response = await fetch(url, { headers: { cookie } })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`${url} answered ${response.status}`)
      latencies.push(performance.now() - t)
    }
  }))
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!
  return { p50: pct(0.5), p95: pct(0.95), rps: latencies.length / seconds }
}

const database = await provisionTestDatabase()
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-'))
const connection = openDatabase({ databaseUrl: database.url ?? '', pgliteDir: database.pgliteDir })
await applyMigrations(connection.adapter)
await connection.close()
ensureBuilt(root)
const server = await startServer(root, {
  NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
  LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
  ...(database.url ? { DATABASE_URL: database.url, LECTERN_DATA_DIR: join(scratch, 'data') } : { DATABASE_URL: '', LECTERN_DATA_DIR: resolve(database.pgliteDir!, '..') }),
})
try {
  const user = buildUser()
  const signUp = await fetch(`${server.url}/api/auth/sign-up`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) })
  const cookie = signUp.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
  for (let i = 0; i < COURSES; i++) {
    const { title, description, category } = buildCourse()
    await fetch(`${server.url}/api/courses`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ title, description, category }) })
  }
  const baseline = await measure(`${server.url}/api/auth/me`, cookie)
  const list = await measure(`${server.url}/api/courses`, cookie)
  const row = (name: string, r: typeof list) => `${name.padEnd(34)} p50 ${r.p50.toFixed(2).padStart(7)} ms   p95 ${r.p95.toFixed(2).padStart(7)} ms   ${r.rps.toFixed(0).padStart(6)} req/s`
  console.log(`${database.kind}, ${COURSES} courses, ${REQUESTS} requests at concurrency ${CONCURRENCY}`)
  console.log(row('baseline GET /api/auth/me', baseline))
  console.log(row(`GET /api/courses (${COURSES} courses)`, list))
  console.log(`list / baseline: p50 ×${(list.p50 / baseline.p50).toFixed(2)}, throughput ×${(list.rps / baseline.rps).toFixed(2)}`)
}
finally {
  await server.stop()
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}
