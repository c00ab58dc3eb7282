// The media library at scale, through the real built server: one instructor with 10 000 files
// and 100 000 links (1 000 files and 10 000 links in smoke mode) over 100 courses of 100 lessons,
// a tenth of the courses in the course trash, a thousand lessons whose own video is a library
// file. Times, one request at a time, the list's first page (newest, sorted by usage, used and
// unused filters, a name search) and the detail of the most linked file (1 000 links and 50
// lesson videos), p50/p95 against `GET /api/auth/me` (session + one user read: the floor every
// route pays) measured in the same run. Target: every read p50 < 200 ms.
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
import type { MediaDetail, MediaPage } from '../shared/types/media.ts'

const smoke = process.argv.includes('--smoke')
const FILES = smoke ? 1_000 : 10_000
const LINKS = smoke ? 10_000 : 100_000
const COURSES = 100
const LESSONS = 10_000 // 100 courses × 10 chapters × 10 lessons
const ROUNDS = smoke ? 30 : 200
const TARGET_MS = 200
const root = resolve(import.meta.dirname, '..')

/**
 * Everything in a few INSERT … SELECT generate_series statements. File 0 is the heavily linked
 * one: a handout and an attachment of 500 lessons each, and the own video of 50. Of the other
 * links, each of the first 70 % of the files gets an even share (a lesson's handout, spread over
 * all lessons); the last 30 % stay unused, except the thousand that are lessons' own videos.
 */
async function seedLibrary(db: PrismaClient, ownerId: string) {
  const tag = randomBytes(3).toString('hex')
  await db.$executeRaw`
    INSERT INTO "Course" (id, "ownerId", title, slug, category, "updatedAt", "deletedAt")
    SELECT 'bc' || i, ${ownerId}, 'Bench course ' || i, 'bench-course-' || i || '-' || ${tag}, 'Development', now(),
           CASE WHEN i % 10 = 9 THEN now() END
    FROM generate_series(0, ${COURSES - 1}::int) AS i`
  await db.$executeRaw`
    INSERT INTO "Chapter" (id, "courseId", title, position, "updatedAt")
    SELECT 'bch' || i, 'bc' || (i / 10), 'Chapter ' || i, i % 10, now() FROM generate_series(0, ${COURSES * 10 - 1}::int) AS i`
  await db.$executeRaw`
    INSERT INTO "MediaFile" (id, "ownerId", "storageKey", "originalName", "mimeType", "sizeBytes", "receivedBytes", status, purpose, "createdAt", "updatedAt")
    SELECT 'bm' || i, ${ownerId}, md5(${tag} || i::text),
           (ARRAY['Handout ', 'Diagram ', 'Lecture ', 'Slides ', 'Exercise '])[1 + i % 5] || i || (ARRAY['.pdf', '.png', '.mp4', '.pptx', '.zip'])[1 + i % 5],
           (ARRAY['application/pdf', 'image/png', 'video/mp4', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/zip'])[1 + i % 5],
           1000 + (i * 7919) % 5000000, 1000 + (i * 7919) % 5000000, 'READY',
           (CASE WHEN i % 5 = 2 THEN 'LESSON' ELSE 'LIBRARY' END)::"MediaPurpose",
           now() - (i * interval '1 minute'), now()
    FROM generate_series(0, ${FILES - 1}::int) AS i`
  // Lessons: the first 50 have file 0 as their video, the next 950 one file each from the unused 30 %.
  const videoFiles = Math.min(950, Math.floor(FILES * 0.3) - 1)
  await db.$executeRaw`
    INSERT INTO "Video" (id, "chapterId", title, position, status, "mediaFileId", "updatedAt")
    SELECT 'bv' || i, 'bch' || (i / 10), 'Lesson ' || i, i % 10,
           (CASE WHEN i < ${50 + videoFiles} THEN 'READY' ELSE 'DRAFT' END)::"VideoStatus",
           CASE WHEN i < 50 THEN 'bm0' WHEN i < ${50 + videoFiles} THEN 'bm' || (${FILES - 1} - (i - 50)) END,
           now()
    FROM generate_series(0, ${LESSONS - 1}::int) AS i`
  await db.$executeRaw`
    INSERT INTO "MediaLink" (id, "mediaFileId", "ownerId", "targetType", "targetId", role, "courseId", "videoId")
    SELECT 'bl' || i, 'bm0', ${ownerId}, 'LESSON', 'bv' || (i % 500 * 20), (CASE WHEN i < 500 THEN 'HANDOUT' ELSE 'ATTACHMENT' END)::"MediaLinkRole",
           'bc' || (i % 500 * 20 / 100), 'bv' || (i % 500 * 20)
    FROM generate_series(0, 999) AS i`
  // Link k belongs to file 1 + k mod U (U = the used 70 %); its lesson steps by a prime, so one
  // file's links land on distinct lessons.
  const used = Math.floor(FILES * 0.7) - 1
  for (let from = 0; from < LINKS - 1000; from += 50_000) {
    const to = Math.min(LINKS - 1000, from + 50_000) - 1
    await db.$executeRaw`
      INSERT INTO "MediaLink" (id, "mediaFileId", "ownerId", "targetType", "targetId", role, "courseId", "videoId")
      SELECT 'bk' || k, 'bm' || (1 + k % ${used}), ${ownerId}, 'LESSON', 'bv' || lesson, 'HANDOUT', 'bc' || (lesson / 100), 'bv' || lesson
      FROM (SELECT k, (k::bigint * 7919 % ${LESSONS})::int AS lesson FROM generate_series(${from}::int, ${to}::int) AS k) s`
  }
  // What autovacuum would soon do after a bulk load: planner statistics and the visibility map
  // (index-only scans).
  await db.$executeRawUnsafe('VACUUM ANALYZE "Course", "Chapter", "Video", "MediaFile", "MediaLink"')
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN

async function timed(url: string, cookie: string): Promise<number> {
  const started = performance.now()
  const response = await fetch(url, { headers: { cookie } })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - started
}

async function measure(url: string, cookie: string) {
  for (let i = 0; i < 10; i++) await timed(url, cookie)
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) times.push(await timed(url, cookie))
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) }
}

async function json<T>(url: string, cookie: string): Promise<T> {
  const body = await (await fetch(url, { headers: { cookie } })).json() as { success: boolean, data: T, error?: unknown }
  if (!body.success) throw new Error(`${url}: ${JSON.stringify(body.error)}`)
  return body.data
}

const database = await provisionTestDatabase()
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-'))
const connection = openDatabase({ databaseUrl: database.url ?? '', pgliteDir: database.pgliteDir })
const started = performance.now()
let instructor: { email: string, password: string }
try {
  await applyMigrations(connection.adapter)
  const db = new PrismaClient({ adapter: connection.adapter })
  const user = await createUser(db, { role: 'INSTRUCTOR', name: 'Bench Instructor' })
  instructor = user
  await seedLibrary(db, user.id)
  await db.$disconnect()
}
finally {
  await connection.close()
}
console.log(`${database.kind}: seeded ${FILES} files, ${LINKS} links, ${LESSONS} lessons in ${((performance.now() - started) / 1000).toFixed(1)} s`)

ensureBuilt(root)
const server = await startServer(root, {
  NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
  LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
  ...(database.url ? { DATABASE_URL: database.url, LECTERN_DATA_DIR: join(scratch, 'data') } : { DATABASE_URL: '', LECTERN_DATA_DIR: resolve(database.pgliteDir!, '..') }),
})
try {
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: instructor.email, password: instructor.password }) })
  if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`)
  const cookie = signIn.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
  const api = (path: string) => `${server.url}${path}`

  // What the reads return, so a fast wrong answer cannot pass.
  const first = await json<MediaPage>(api('/api/media'), cookie)
  const byUsage = await json<MediaPage>(api('/api/media?sort=usage'), cookie)
  const heavy = await json<MediaDetail>(api('/api/media/bm0'), cookie)
  if (first.total !== FILES || first.items.length !== 60) throw new Error(`the first page has ${first.items.length} of ${first.total} files`)
  if (byUsage.items[0]?.id !== 'bm0' || heavy.usages.length !== 1050) throw new Error(`the most used file is ${byUsage.items[0]?.id} with ${heavy.usages.length} usages`)
  console.log(`most used file: ${heavy.usageCount} live + ${heavy.trashedUsageCount} in the course trash; detail answer ${(JSON.stringify(heavy).length / 1024).toFixed(0)} KiB`)

  const reads: [string, string][] = [
    ['GET /api/auth/me (floor)', '/api/auth/me'],
    ['GET /api/media (newest, first page)', '/api/media'],
    ['GET /api/media?sort=usage', '/api/media?sort=usage'],
    ['GET /api/media?usage=used', '/api/media?usage=used'],
    ['GET /api/media?usage=unused', '/api/media?usage=unused'],
    ['GET /api/media?q=lecture 12&kind=video', '/api/media?q=lecture%2012&kind=video'],
    ['GET /api/media?sort=usage, 2nd page', `/api/media?sort=usage&cursor=${byUsage.nextCursor}`],
    ['GET /api/media/:id (1 050 usages)', '/api/media/bm0'],
  ]
  const ms = (v: number) => `${v.toFixed(2).padStart(7)} ms`
  console.log(`\n${ROUNDS} requests per read, one at a time`)
  let floor = 0
  let met = true
  for (const [name, path] of reads) {
    const result = await measure(api(path), cookie)
    if (!floor) floor = result.p50
    else met &&= result.p50 < TARGET_MS
    console.log(`${name.padEnd(42)} p50 ${ms(result.p50)}   p95 ${ms(result.p95)}${floor === result.p50 ? '' : `   p50 ×${(result.p50 / floor).toFixed(1)} the floor`}`)
  }
  console.log(`target (p50 < ${TARGET_MS} ms for every media read): ${met ? 'met' : 'NOT met'}`)
}
finally {
  await server.stop()
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}
