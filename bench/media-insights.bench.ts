// The media insights endpoints on a large library, through the real built server.
//
// One instructor with 10 000 library files over two years (all kinds, 5 % in the library trash),
// 50 courses (5 in the course trash) of 40 lessons, each lesson with its own video file, 100 000
// link rows, and 250 students enrolled in 10 courses each with progress on every lesson (100 000
// progress rows); another instructor's 2 000 files beside them. Smoke mode: 500 files, 5 000
// links, 2 000 progress rows. Each endpoint (storage, usage, uploads, performance) is timed one
// request at a time for the last 12 months and for a custom two-year range: p50/p95 against
// `GET /api/auth/me` (session + one user read) measured in the same run. Target: every endpoint
// under 200 ms. The endpoints read the summaries the insights:refresh job keeps: the bench runs
// the refresh once after seeding (and prints how long a full recompute takes), then times reads.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PrismaClient } from '../server/generated/prisma/client.ts'
import { openDatabase } from '../server/database/connection.ts'
import { applyMigrations } from '../server/database/migrations.ts'
import { createUser } from '../prisma/seed/factories.ts'
import { ensureBuilt } from '../tests/support/build.ts'
import { startServer } from '../tests/support/server-process.ts'
import { provisionTestDatabase } from '../tests/support/test-database.ts'
import { seedLibrary } from './media-insights-seed.ts'
import { refreshMediaSummaries } from '../server/services/insights/refresh-media-summaries.ts'

const smoke = process.argv.includes('--smoke')
const FILES = smoke ? 500 : 10_000
const LINKS = smoke ? 5_000 : 100_000
const COURSES = smoke ? 5 : 50
const STUDENTS = smoke ? 10 : 250
const COURSES_PER_STUDENT = smoke ? 1 : 10
const OTHER_FILES = smoke ? 100 : 2_000
const REQUESTS = smoke ? 15 : 150
const TARGET_MS = 200
const root = resolve(import.meta.dirname, '..')

const dayOf = (date: Date) => date.toISOString().slice(0, 10)

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN

async function measure(url: string, cookie: string) {
  for (let i = 0; i < 5; i++) await (await fetch(url, { headers: { cookie } })).arrayBuffer()
  const latencies: number[] = []
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now()
    const response = await fetch(url, { headers: { cookie } })
    const body = await response.json() as { success: boolean }
    if (!response.ok || !body.success) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`)
    latencies.push(performance.now() - started)
  }
  latencies.sort((a, b) => a - b)
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) }
}

const database = await provisionTestDatabase()
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-'))
const connection = openDatabase({ databaseUrl: database.url ?? '', pgliteDir: database.pgliteDir })
let instructor: { id: string, email: string, password: string }
const seeding = performance.now()
try {
  await applyMigrations(connection.adapter)
  const db = new PrismaClient({ adapter: connection.adapter })
  instructor = await createUser(db, { role: 'INSTRUCTOR', name: 'Bench Instructor' })
  const other = await createUser(db, { role: 'INSTRUCTOR', name: 'Other Instructor' })
  const counts = await seedLibrary(db, { ownerId: instructor.id, otherId: other.id, size: { files: FILES, links: LINKS, courses: COURSES, students: STUDENTS, coursesPerStudent: COURSES_PER_STUDENT, otherFiles: OTHER_FILES } })
  const refreshing = performance.now()
  const refreshed = await refreshMediaSummaries(db)
  console.log(`insights refresh: ${refreshed.figuresWritten} file figures, ${refreshed.viewCellsWritten} progress cells in ${((performance.now() - refreshing) / 1000).toFixed(2)} s`)
  const again = performance.now()
  await refreshMediaSummaries(db)
  console.log(`insights refresh with nothing changed: ${((performance.now() - again) / 1000).toFixed(2)} s`)
  await db.$disconnect()
  console.log(`${database.kind}: seeded ${counts.files} files, ${counts.links} links, ${counts.progress} progress rows in ${((performance.now() - seeding) / 1000).toFixed(1)} s`)
}
finally {
  await connection.close()
}

ensureBuilt(root)
const server = await startServer(root, {
  NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
  LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
  ...(database.url ? { DATABASE_URL: database.url, LECTERN_DATA_DIR: join(scratch, 'data') } : { DATABASE_URL: '', LECTERN_DATA_DIR: resolve(database.pgliteDir!, '..') }),
})
let missed = 0
try {
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: instructor.email, password: instructor.password }) })
  if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`)
  const cookie = signIn.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
  const twoYears = `preset=custom&from=${dayOf(new Date(Date.now() - 730 * 86_400_000))}&to=${dayOf(new Date())}`
  const row = (name: string, r: { p50: number, p95: number }, base?: { p50: number }) =>
    `${name.padEnd(50)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms${base ? `   ×${(r.p50 / base.p50).toFixed(1)} of baseline p50` : ''}`
  console.log(`${FILES} files, ${LINKS} links; ${REQUESTS} requests per row, one at a time; target < ${TARGET_MS} ms`)
  const baseline = await measure(`${server.url}/api/auth/me`, cookie)
  console.log(row('baseline GET /api/auth/me', baseline))
  for (const [label, query] of [['12 months', 'preset=12m'], ['two years', twoYears]] as const) {
    for (const endpoint of ['storage', 'usage', 'uploads', 'performance']) {
      const result = await measure(`${server.url}/api/media/insights/${endpoint}?${query}`, cookie)
      if (result.p95 >= TARGET_MS) missed++
      console.log(row(`GET /api/media/insights/${endpoint} (${label})`, result, baseline))
    }
  }
  console.log(missed ? `target missed by ${missed} row(s) (p95 ≥ ${TARGET_MS} ms)` : `every endpoint's p95 under ${TARGET_MS} ms`)
}
finally {
  await server.stop()
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}
