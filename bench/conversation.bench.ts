// Conversation reads at scale and sends under load, through the real built server.
//
// Reads: one conversation with 100 messages (the baseline, measured in the same run, requests
// interleaved with the other's) and one with 100 000 (5 000 in smoke mode), spread over two years.
// For each of the newest page, a page deep in history (by cursor) and a jump to a day in the
// middle: p50/p95, and the large/small time ratio (target ≤ 1.2: a page costs the same however
// long the conversation). `GET /api/auth/me` (session + one user read, no page) is printed as the
// floor every request pays.
//
// Sends: 200 (40 in smoke mode) from the conversation's two participants, each with its own
// clientKey, some sent twice at once (a double click) and some again after the answer (a lost
// answer): every one must be stored exactly once, and every retry must answer the same message.
// Twice: all at once (a burst: throughput and p99 under contention), and each participant one at
// a time (what the app does: one send in flight per conversation), where each sender's messages
// must keep their send order in the stream.
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
import type { ChatMessage, MessagePage } from '../shared/types/conversation.ts'

const smoke = process.argv.includes('--smoke')
const SMALL = 100
const LARGE = smoke ? 5_000 : 100_000
const ROUNDS = smoke ? 40 : 400
const SENDS = smoke ? 40 : 200
const SPAN_DAYS = 730
const root = resolve(import.meta.dirname, '..')

const dayOf = (date: Date) => date.toISOString().slice(0, 10)
const today = dayOf(new Date())
const firstDay = new Date(Date.now() - SPAN_DAYS * 86_400_000)
/** The day at a fraction of the two years the messages cover. */
const dayAt = (fraction: number) => dayOf(new Date(firstDay.getTime() + Math.floor(SPAN_DAYS * fraction) * 86_400_000))

/**
 * `count` messages in one statement per batch: days spread evenly over two years (the last one
 * yesterday), several a day when there are many; half are the student's daily notes (one in ten
 * written the next morning), then instructor responses, milestones and Lectern's activity; one in
 * five shared with observers. Ids are random-looking, like cuids.
 */
async function seedMessages(db: PrismaClient, conversationId: string, studentId: string, instructorId: string, count: number) {
  const BATCH = 25_000
  for (let from = 0; from < count; from += BATCH) {
    await db.$executeRaw`
      INSERT INTO "Message" (id, "conversationId", "senderId", type, body, "targetDate", payload, access, "clientKey", "createdAt")
      SELECT 'c' || substr(md5(${conversationId} || i::text), 1, 24),
             ${conversationId},
             CASE WHEN i % 10 < 5 THEN ${studentId} WHEN i % 10 < 9 THEN ${instructorId} END,
             (CASE WHEN i % 10 < 5 THEN 'DAILY_NOTE' WHEN i % 10 < 8 THEN 'INSTRUCTOR_RESPONSE' WHEN i % 10 = 8 THEN 'MILESTONE' ELSE 'ACTIVITY_LOG' END)::"MessageType",
             'Message ' || i || ': ' || repeat('practised the scales and read a chapter. ', 1 + i % 6),
             day,
             (CASE WHEN i % 10 = 9 THEN '{"v":1,"event":"lesson-completed","courseTitle":"Bench course","lessonTitle":"A lesson"}' ELSE '{"v":1}' END)::jsonb,
             (CASE WHEN i % 10 >= 8 OR i % 5 = 0 THEN 'OBSERVERS' ELSE 'PARTICIPANTS' END)::"MessageAccess",
             CASE WHEN i % 10 < 9 THEN 'seed-' || i END,
             day + interval '7 hours' + (i % 89) * interval '9 minutes' + CASE WHEN i % 10 = 0 THEN interval '1 day' ELSE interval '0' END
      FROM (
        SELECT i, (${dayOf(firstDay)}::date + (i::bigint * ${SPAN_DAYS - 1} / ${count})::int) AS day
        FROM generate_series(${from}::int, ${Math.min(count, from + BATCH) - 1}::int) AS i
      ) s`
  }
  await db.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: new Date(`${today}T00:00:00Z`) } })
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) }
}

async function timed(url: string, cookie: string): Promise<number> {
  const started = performance.now()
  const response = await fetch(url, { headers: { cookie } })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - started
}

/**
 * The same read on both conversations, requests interleaved (the order flipping each round) so
 * that the machine's ups and downs fall on both alike.
 */
async function measurePair(small: (i: number) => string, large: (i: number) => string, cookie: string) {
  for (let i = 0; i < 20; i++) {
    await timed(small(i), cookie)
    await timed(large(i), cookie)
  }
  const times = { small: [] as number[], large: [] as number[] }
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 ? (['small', 'large'] as const) : (['large', 'small'] as const)
    for (const which of order) times[which].push(await timed(which === 'small' ? small(i) : large(i), cookie))
  }
  return { small: summary(times.small), large: summary(times.large) }
}

async function json<T>(response: Response): Promise<T> {
  const body = await response.json() as { success: boolean, data: T, error?: unknown }
  if (!body.success) throw new Error(`${response.url} answered ${response.status}: ${JSON.stringify(body.error)}`)
  return body.data
}

const database = await provisionTestDatabase()
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-'))
const connection = openDatabase({ databaseUrl: database.url ?? '', pgliteDir: database.pgliteDir })
const seeded = performance.now()
let pair: { student: { email: string, password: string }, instructor: { email: string, password: string }, small: string, large: string }
try {
  await applyMigrations(connection.adapter)
  const db = new PrismaClient({ adapter: connection.adapter })
  const instructor = await createUser(db, { role: 'INSTRUCTOR', name: 'Bench Instructor' })
  const students = [await createUser(db, { role: 'STUDENT', name: 'Bench Student' }), await createUser(db, { role: 'STUDENT', name: 'Other Student' })]
  const [small, large] = await Promise.all(students.map(s => db.conversation.create({ data: { studentId: s.id, instructorId: instructor.id } })))
  await seedMessages(db, small!.id, students[0]!.id, instructor.id, SMALL)
  await seedMessages(db, large!.id, students[1]!.id, instructor.id, LARGE)
  // What autovacuum would soon do after a bulk load: fresh planner statistics.
  await db.$executeRawUnsafe('ANALYZE "Message"')
  await db.$disconnect()
  pair = { student: students[1]!, instructor, small: small!.id, large: large!.id }
}
finally {
  await connection.close()
}
console.log(`${database.kind}: seeded ${SMALL} + ${LARGE} messages in ${((performance.now() - seeded) / 1000).toFixed(1)} s`)

ensureBuilt(root)
const server = await startServer(root, {
  NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
  LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
  ...(database.url ? { DATABASE_URL: database.url, LECTERN_DATA_DIR: join(scratch, 'data') } : { DATABASE_URL: '', LECTERN_DATA_DIR: resolve(database.pgliteDir!, '..') }),
})
try {
  const signIn = async (user: { email: string, password: string }) => {
    const response = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }) })
    if (!response.ok) throw new Error(`sign-in answered ${response.status}`)
    return response.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
  }
  // The instructor is in both conversations, so one session reads both.
  const cookie = await signIn(pair.instructor)
  const messages = (id: string, query = '') => `${server.url}/api/conversations/${id}/messages${query}`

  // Cursors deep in history: the page before each of ten days from `from` into the two years.
  // The large conversation's are 5–23 % in (75 000+ messages back); the small one's are 50–68 %
  // in, early positions that still leave a full page behind them, so both read 30 rows.
  const deepCursors = async (id: string, from: number) => {
    const cursors: string[] = []
    for (let i = 0; i < 10; i++) {
      const page = await json<MessagePage>(await fetch(messages(id, `?around=${dayAt(from + i * 0.02)}`), { headers: { cookie } }))
      if (page.olderCursor) cursors.push(page.olderCursor)
    }
    if (!cursors.length) throw new Error('no cursor deep in history')
    return cursors
  }
  const [smallCursors, largeCursors] = [await deepCursors(pair.small, 0.5), await deepCursors(pair.large, 0.05)]
  const middleDays = Array.from({ length: 10 }, (_, i) => dayAt(0.45 + i * 0.01))

  const floorTimes: number[] = []
  for (let i = 0; i < 20; i++) await timed(`${server.url}/api/auth/me`, cookie)
  for (let i = 0; i < ROUNDS; i++) floorTimes.push(await timed(`${server.url}/api/auth/me`, cookie))
  const floor = summary(floorTimes)
  const reads = [
    { name: 'newest page', result: await measurePair(() => messages(pair.small), () => messages(pair.large), cookie) },
    { name: 'page deep in history (cursor)', result: await measurePair(i => messages(pair.small, `?before=${smallCursors[i % smallCursors.length]}`), i => messages(pair.large, `?before=${largeCursors[i % largeCursors.length]}`), cookie) },
    { name: 'jump to a day in the middle', result: await measurePair(i => messages(pair.small, `?around=${middleDays[i % middleDays.length]}`), i => messages(pair.large, `?around=${middleDays[i % middleDays.length]}`), cookie) },
  ]

  // Every measured read returns a full page on both sides (the same work per request).
  const sizes = new Set<number>()
  for (const url of [messages(pair.small), messages(pair.large), ...smallCursors.map(c => messages(pair.small, `?before=${c}`)), ...largeCursors.map(c => messages(pair.large, `?before=${c}`)), ...middleDays.flatMap(d => [messages(pair.small, `?around=${d}`), messages(pair.large, `?around=${d}`)])])
    sizes.add((await json<MessagePage>(await fetch(url, { headers: { cookie } }))).messages.length)
  const ms = (v: number) => `${v.toFixed(2).padStart(6)} ms`
  console.log(`\nreads: ${ROUNDS} requests each, one at a time, ${SMALL} vs ${LARGE} messages interleaved; messages a page: ${[...sizes].join(', ')}`)
  console.log(`${'GET /api/auth/me (floor)'.padEnd(32)} p50 ${ms(floor.p50)}   p95 ${ms(floor.p95)}`)
  let met = true
  for (const { name, result } of reads) {
    const ratio = { p50: result.large.p50 / result.small.p50, p95: result.large.p95 / result.small.p95 }
    met &&= ratio.p50 <= 1.2
    console.log(`${name.padEnd(32)} ${String(SMALL).padStart(6)}: p50 ${ms(result.small.p50)}   p95 ${ms(result.small.p95)}`)
    console.log(`${''.padEnd(32)} ${String(LARGE).padStart(6)}: p50 ${ms(result.large.p50)}   p95 ${ms(result.large.p95)}   ratio p50 ×${ratio.p50.toFixed(2)}, p95 ×${ratio.p95.toFixed(2)}`)
  }
  console.log(`target (p50 ratio ≤ 1.2 for every read): ${met ? 'met' : 'NOT met'}`)

  // Sends, into the large conversation (its index is the big one).
  const participants = [{ name: 'student', cookie: await signIn(pair.student) }, { name: 'instructor', cookie }]
  const runId = randomBytes(3).toString('hex')
  interface Sent { sender: number, seq: number, clientKey: string, ids: Set<string>, created: number }
  const send = async (sent: Sent) => {
    const started = performance.now()
    const response = await fetch(messages(pair.large), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cookie': participants[sent.sender]!.cookie },
      body: JSON.stringify({ type: sent.sender === 0 ? 'DAILY_NOTE' : 'INSTRUCTOR_RESPONSE', body: `${sent.clientKey}`, targetDate: today, clientKey: sent.clientKey }),
    })
    const message = await json<ChatMessage>(response)
    sent.ids.add(message.id)
    if (response.status === 201) sent.created++
    return performance.now() - started
  }
  /** One send: sometimes twice at once (a double click), sometimes again after the answer (a lost one). */
  const sendWithRetries = async (sent: Sent, latencies: number[]) => {
    const attempts = [send(sent)]
    if (sent.seq % 5 === 2) attempts.push(send(sent))
    latencies.push(await attempts[0]!)
    await Promise.all(attempts)
    if (sent.seq % 10 === 7) await send(sent)
  }
  const plan = (phase: string) => Array.from({ length: SENDS }, (_, i): Sent => ({ sender: i % 2, seq: Math.floor(i / 2), clientKey: `bench-${runId}-${phase}-${i % 2}-${Math.floor(i / 2)}`, ids: new Set(), created: 0 }))

  async function phase(name: string, run: (sends: Sent[], latencies: number[]) => Promise<void>) {
    const sends = plan(name)
    const latencies: number[] = []
    const started = performance.now()
    await run(sends, latencies)
    const seconds = (performance.now() - started) / 1000
    return { name, sends, seconds, latency: summary(latencies) }
  }
  // Warm-up sends, not measured: the first calls of the send route pay for loading its code and JIT.
  const warm = plan('warm').slice(0, 20)
  await Promise.all([0, 1].map(async (sender) => {
    for (const s of warm.filter(s => s.sender === sender)) await send(s)
  }))
  const burst = await phase('burst', async (sends, latencies) => {
    await Promise.all(sends.map(s => sendWithRetries(s, latencies)))
  })
  const queued = await phase('queued', async (sends, latencies) => {
    await Promise.all([0, 1].map(async (sender) => {
      for (const s of sends.filter(s => s.sender === sender)) await sendWithRetries(s, latencies)
    }))
  })

  // Read the stream back, newest first, until past today's messages.
  const stream: ChatMessage[] = []
  let before: string | null = null
  do {
    const page: MessagePage = await json<MessagePage>(await fetch(messages(pair.large, `?limit=100${before ? `&before=${before}` : ''}`), { headers: { cookie } }))
    stream.unshift(...page.messages)
    before = page.messages[0]?.targetDate === today ? page.olderCursor : null
  } while (before)

  console.log(`\nsends: ${SENDS} per run from 2 participants; ${SENDS / 5} sent twice at once, ${SENDS / 10} again after the answer`)
  let allGood = true
  for (const { name, sends, seconds, latency } of [burst, queued]) {
    const stored = stream.filter(m => m.clientKey?.startsWith(`bench-${runId}-${name}-`))
    const once = sends.every(s => s.ids.size === 1 && s.created === 1 && stored.filter(m => m.clientKey === s.clientKey).length === 1 && stored.find(m => m.clientKey === s.clientKey)!.id === [...s.ids][0])
    // Per sender, the stream's order against the order the sends were made.
    const inversions = [0, 1].map((sender) => {
      const seqs = stored.filter(m => m.clientKey!.startsWith(`bench-${runId}-${name}-${sender}-`)).map(m => Number(m.clientKey!.split('-').at(-1)))
      return seqs.filter((seq, i) => i > 0 && seq < seqs[i - 1]!).length
    })
    const ordered = inversions.every(n => n === 0)
    const orderNote = name === 'burst'
      ? `send order: ${inversions.join(' + ')} step(s) out of order (informational: sends all in flight at once have no order)`
      : `send order per sender: ${ordered ? 'kept' : `NOT kept (${inversions.join(' + ')} steps out of order)`}`
    if (!once || (name === 'queued' && !ordered)) allGood = false
    console.log(`${name === 'burst' ? 'all at once' : 'one at a time per sender'}: ${stored.length}/${SENDS} stored, each exactly once: ${once ? 'yes' : 'NO'}; ${(SENDS / seconds).toFixed(0)} sends/s; p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms; ${orderNote}`)
  }
  console.log(`sends: ${allGood ? 'all stored once, order kept' : 'FAILED a check'}`)
}
finally {
  await server.stop()
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}
