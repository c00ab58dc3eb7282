// Conversation insights read from the summaries at 10 M messages, and a send's latency while the
// refresh job folds new messages in, through the real built server on PostgreSQL.
//
// 100 instructors with 20 students each, 5 000 messages per conversation over two years (10 M;
// smoke mode: 2 × 10 × 2 000; `--instructors N`: N × 20 × 5 000), loaded by SQL in insertion
// order. Printed: the first refresh (the back-fill of every summary, in batches of 200 000, which
// leaves them vacuumed and analyzed), then one instructor's
// `GET /api/insights/conversations` (100 000 messages of their own among the 10 M) for 12 and 52
// weeks, p50/p95 one request at a time against `GET /api/auth/me` (target < 200 ms: the page
// reads summaries, never the messages). Then 1 % more messages are written, and a student sends
// one message at a time, first with no job running, then while `POST /api/internal/jobs/
// insights:refresh` folds that 1 % in: p50/p95 of both (target: p95 during ≤ 2× p95 before).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PrismaClient } from '../server/generated/prisma/client.ts'
import { openDatabase } from '../server/database/connection.ts'
import { applyMigrations } from '../server/database/migrations.ts'
import { createUser } from '../prisma/seed/factories.ts'
import { refreshConversationSummaries } from '../server/services/insights/refresh-conversation-summaries.ts'
import { ensureBuilt } from '../tests/support/build.ts'
import { startServer } from '../tests/support/server-process.ts'
import { provisionTestDatabase } from '../tests/support/test-database.ts'

const smoke = process.argv.includes('--smoke')
// `--instructors N`: fewer instructors at the full size's density (20 students × 5 000 messages
// each), for profiling the read without the 25-minute load: one instructor's read is the same
// size, but with fewer instructors among them their notes share heap pages more (10: ~4 300 pages
// for a year, not ~25 000), so the tables' size and layout are not those of the full run.
const instructorsArg = process.argv.indexOf('--instructors')
const INSTRUCTORS = instructorsArg > 0 ? Number(process.argv[instructorsArg + 1]) : smoke ? 2 : 100
if (!Number.isInteger(INSTRUCTORS) || INSTRUCTORS < 1) throw new Error('--instructors needs a whole number ≥ 1')
const STUDENTS_EACH = smoke ? 10 : 20
const CONVERSATIONS = INSTRUCTORS * STUDENTS_EACH
const PER_CONVERSATION = smoke ? 2_000 : 5_000
const TOTAL = CONVERSATIONS * PER_CONVERSATION
const REQUESTS = smoke ? 15 : 100
const SENDS = smoke ? 20 : 100
const SPAN_DAYS = 730
const TARGET_MS = 200
const root = resolve(import.meta.dirname, '..')
const dayOf = (date: Date) => date.toISOString().slice(0, 10)
const firstDay = dayOf(new Date(Date.now() - SPAN_DAYS * 86_400_000))

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) }
}
const row = (name: string, r: { p50: number, p95: number }) => `${name.padEnd(54)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms`

/**
 * `count` messages over the conversations in one statement per batch, in date order: the
 * student's daily notes (half), the instructor's responses an hour or so later, milestones and
 * activity. `offsetDays` shifts them (the 1 % written later lands in the last days).
 */
async function seedMessages(db: PrismaClient, conversations: { id: string, studentId: string, instructorId: string }[], count: number, spanDays: number, startDay: string) {
  const BATCH = 250_000
  const ids = conversations.map(c => c.id)
  const students = conversations.map(c => c.studentId)
  const instructors = conversations.map(c => c.instructorId)
  for (let from = 0; from < count; from += BATCH) {
    await db.$executeRaw`
      INSERT INTO "Message" (id, "conversationId", "senderId", type, body, "targetDate", payload, access, "createdAt")
      SELECT 'c' || md5(random()::text || i::text), (${ids}::text[])[1 + i % ${ids.length}],
             CASE WHEN i / ${ids.length} % 10 < 5 THEN (${students}::text[])[1 + i % ${ids.length}] WHEN i / ${ids.length} % 10 < 9 THEN (${instructors}::text[])[1 + i % ${ids.length}] END,
             (CASE WHEN i / ${ids.length} % 10 < 5 THEN 'DAILY_NOTE' WHEN i / ${ids.length} % 10 < 8 THEN 'INSTRUCTOR_RESPONSE'
                   WHEN i / ${ids.length} % 10 = 8 THEN 'MILESTONE' ELSE 'ACTIVITY_LOG' END)::"MessageType",
             'Practised the scales.', day, '{"v":1}'::jsonb, 'PARTICIPANTS'::"MessageAccess",
             day + interval '7 hours' + (i / ${ids.length} % 10) * interval '37 minutes'
      FROM (
        SELECT i, (${startDay}::date + (i::bigint * ${spanDays} / ${count})::int) AS day
        FROM generate_series(${from}::int, ${Math.min(count, from + BATCH) - 1}::int) AS i
      ) s`
  }
}

const database = await provisionTestDatabase()
if (database.kind !== 'postgresql') throw new Error('this benchmark needs PostgreSQL (DATABASE_URL or a server on 127.0.0.1:5432)')
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-'))
const connection = openDatabase({ databaseUrl: database.url!, pgliteDir: undefined })
const db = new PrismaClient({ adapter: connection.adapter })
const internalToken = randomBytes(24).toString('hex')
let server: Awaited<ReturnType<typeof startServer>> | undefined
try {
  await applyMigrations(connection.adapter)
  // Two who sign in; everyone else by one statement (a password hash each would take minutes).
  const instructor = await createUser(db, { role: 'INSTRUCTOR', name: 'Bench Instructor' })
  const student = await createUser(db, { role: 'STUDENT', name: 'Bench Student' })
  const people = (role: 'INSTRUCTOR' | 'STUDENT', count: number) => db.$queryRaw<{ id: string }[]>`
    INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
    SELECT 'u' || md5(random()::text || i::text), 'bench-' || md5(random()::text || i::text) || '@example.test', 'Person ' || i, ${role}::"Role", ${instructor.passwordHash}, now()
    FROM generate_series(1, ${count}::int) AS i RETURNING id`
  const instructorIds = [instructor.id, ...(await people('INSTRUCTOR', INSTRUCTORS - 1)).map(u => u.id)]
  const studentIds = [student.id, ...(await people('STUDENT', CONVERSATIONS - 1)).map(u => u.id)]
  const conversations = await db.conversation.createManyAndReturn({
    data: studentIds.map((studentId, i) => ({ studentId, instructorId: instructorIds[i % INSTRUCTORS]! })),
  })
  const mine = conversations.find(c => c.studentId === student.id)!
  const seeding = performance.now()
  await seedMessages(db, conversations, TOTAL, SPAN_DAYS - 2, firstDay)
  await db.$executeRawUnsafe('ANALYZE "Message"')
  console.log(`seeded ${TOTAL} messages in ${CONVERSATIONS} conversations in ${((performance.now() - seeding) / 1000).toFixed(1)} s`)
  const backfill = performance.now()
  const first = await refreshConversationSummaries(db, { settleSeconds: 0 })
  console.log(`first refresh (back-fill): ${first.messages} messages in ${((performance.now() - backfill) / 1000).toFixed(1)} s`)
  const [sizes] = await db.$queryRaw<{ days: number, notes: number }[]>`SELECT (SELECT count(*) FROM "ConversationDayCount")::int AS days, (SELECT count(*) FROM "NoteResponse")::int AS notes`
  console.log(`summaries: ${sizes!.days} conversation-day-type rows, ${sizes!.notes} note rows`)

  ensureBuilt(root)
  server = await startServer(root, {
    NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
    LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
    LECTERN_INTERNAL_TOKEN: internalToken,
    DATABASE_URL: database.url!,
    LECTERN_DATA_DIR: join(scratch, 'data'),
  })
  const signIn = async (user: { email: string, password: string }) => {
    const response = await fetch(`${server!.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) })
    if (!response.ok) throw new Error(`sign-in answered ${response.status}`)
    return response.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
  }
  const cookie = await signIn(instructor)
  const timeGet = async (url: string) => {
    const times: number[] = []
    for (let i = 0; i < REQUESTS + 5; i++) {
      const started = performance.now()
      const response = await fetch(url, { headers: { cookie } })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`${url} answered ${response.status}`)
      if (i >= 5) times.push(performance.now() - started)
    }
    return stats(times)
  }
  console.log(row('baseline GET /api/auth/me', await timeGet(`${server.url}/api/auth/me`)))
  let missed = 0
  for (const weeks of [12, 52]) {
    const result = await timeGet(`${server.url}/api/insights/conversations?weeks=${weeks}`)
    if (result.p95 >= TARGET_MS) missed++
    console.log(row(`GET /api/insights/conversations?weeks=${weeks}`, result))
  }

  // Sends, one at a time, before and during a refresh with 1 % new messages to fold in.
  const studentCookie = await signIn(student)
  const today = dayOf(new Date())
  let sent = 0
  const send = async () => {
    const started = performance.now()
    const response = await fetch(`${server!.url}/api/conversations/${mine.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cookie': studentCookie },
      body: JSON.stringify({ type: 'DAILY_NOTE', body: `bench ${sent}`, targetDate: today, clientKey: `bench-send-${sent++}` }),
    })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`send answered ${response.status}`)
    return performance.now() - started
  }
  await refreshConversationSummaries(db, { settleSeconds: 0 })
  const quiet: number[] = []
  for (let i = 0; i < SENDS; i++) quiet.push(await send())
  await seedMessages(db, conversations, TOTAL / 100, 1, dayOf(new Date(Date.now() - 86_400_000)))
  const refreshStarted = performance.now()
  let refreshMs = 0
  const refreshing = fetch(`${server.url}/api/internal/jobs/insights:refresh`, { method: 'POST', headers: { 'content-type': 'application/json', 'authorization': `Bearer ${internalToken}` }, body: JSON.stringify({ settleSeconds: 0 }) })
    .then(async (response) => {
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`refresh answered ${response.status}`)
      refreshMs = performance.now() - refreshStarted
    })
  const during: number[] = []
  while (!refreshMs && during.length < SENDS * 50) during.push(await send())
  await refreshing
  console.log(`refresh of ${TOTAL / 100} new messages (with the media figures) took ${(refreshMs / 1000).toFixed(2)} s`)
  const before = stats(quiet)
  const whileRunning = stats(during)
  console.log(row(`send, no job running (${quiet.length})`, before))
  console.log(row(`send, while the refresh runs (${during.length})`, whileRunning))
  if (whileRunning.p95 > 2 * before.p95) missed++
  console.log(missed ? `target missed by ${missed} row(s)` : `insights p95 under ${TARGET_MS} ms; sends during the refresh within 2× of before`)
}
finally {
  await server?.stop()
  await db.$disconnect()
  await connection.close()
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}
