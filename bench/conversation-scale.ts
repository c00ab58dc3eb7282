// What the conversation benchmarks share: bulk-loading messages with generate_series, the
// interleaved read measurement (a small conversation against a large one, in the same run) and
// the send checks. conversation.bench.ts runs them at 100 000 messages in one conversation;
// conversation-growth.bench.ts at 1 M and 10 M in the table.
import { randomBytes } from 'node:crypto'
import type { PrismaClient } from '../server/generated/prisma/client.ts'
import type { ChatMessage, MessagePage } from '../shared/types/conversation.ts'

export const SPAN_DAYS = 730
const dayOf = (date: Date) => date.toISOString().slice(0, 10)
export const today = dayOf(new Date())
const firstDay = new Date(Date.now() - SPAN_DAYS * 86_400_000)
/** The day at a fraction of the two years the messages cover. */
export const dayAt = (fraction: number) => dayOf(new Date(firstDay.getTime() + Math.floor(SPAN_DAYS * fraction) * 86_400_000))

/**
 * Messages `from`…`to - 1` of `count` in each of the conversations `ids`, one statement per batch
 * of at most 250 000 rows: days spread evenly over two years (message i of count on day
 * i/count of the span, the last one yesterday), several a day when there are many; half are the
 * student's daily notes (one in ten written the next morning), then instructor responses,
 * milestones and Lectern's activity; one in five shared with observers. Ids are random-looking,
 * like cuids. Growing a conversation later is `from` = what it holds, `count` = its new size.
 */
export async function seedMessages(db: PrismaClient, ids: string[], { count, from = 0, to = count }: { count: number, from?: number, to?: number }) {
  const batch = Math.max(1, Math.floor(250_000 / ids.length))
  for (let start = from; start < to; start += batch) {
    await db.$executeRaw`
      INSERT INTO "Message" (id, "conversationId", "senderId", type, body, "targetDate", payload, access, "clientKey", "createdAt")
      SELECT 'c' || substr(md5(c.id || ':' || i), 1, 24),
             c.id,
             CASE WHEN i % 10 < 5 THEN c."studentId" WHEN i % 10 < 9 THEN c."instructorId" END,
             (CASE WHEN i % 10 < 5 THEN 'DAILY_NOTE' WHEN i % 10 < 8 THEN 'INSTRUCTOR_RESPONSE' WHEN i % 10 = 8 THEN 'MILESTONE' ELSE 'ACTIVITY_LOG' END)::"MessageType",
             'Message ' || i || ': ' || repeat('practised the scales and read a chapter. ', 1 + i % 6),
             day,
             (CASE WHEN i % 10 = 9 THEN '{"v":1,"event":"lesson-completed","courseTitle":"Bench course","lessonTitle":"A lesson"}' ELSE '{"v":1}' END)::jsonb,
             (CASE WHEN i % 10 >= 8 OR i % 5 = 0 THEN 'OBSERVERS' ELSE 'PARTICIPANTS' END)::"MessageAccess",
             CASE WHEN i % 10 < 9 THEN 'seed-' || i END,
             day + interval '7 hours' + (i % 89) * interval '9 minutes' + CASE WHEN i % 10 = 0 THEN interval '1 day' ELSE interval '0' END
      FROM (
        SELECT i, (${dayOf(firstDay)}::date + (i::bigint * ${SPAN_DAYS - 1} / ${count})::int) AS day
        FROM generate_series(${start}::int, ${Math.min(to, start + batch) - 1}::int) AS i
      ) s CROSS JOIN "Conversation" c
      WHERE c.id = ANY(${ids})`
  }
  await db.conversation.updateMany({ where: { id: { in: ids } }, data: { lastMessageAt: new Date(`${today}T00:00:00Z`) } })
}

/**
 * `conversations` more conversations, each a new student's with one of a few instructors (a
 * school's shape: many students per instructor), in set-based statements. Returns their ids.
 */
export async function seedConversations(db: PrismaClient, conversations: number, instructorIds: string[]): Promise<string[]> {
  const run = randomBytes(4).toString('hex')
  await db.$executeRaw`
    INSERT INTO "User" (id, email, "passwordHash", name, role, "updatedAt")
    SELECT 'bs' || ${run} || i, 'bench-' || ${run} || '-' || i || '@example.test', 'not-a-hash', 'Student ' || i, 'STUDENT', now()
    FROM generate_series(0, ${conversations - 1}::int) AS i`
  await db.$executeRaw`
    INSERT INTO "Conversation" (id, "studentId", "instructorId")
    SELECT 'bc' || ${run} || i, 'bs' || ${run} || i, (${instructorIds}::text[])[1 + i % ${instructorIds.length}]
    FROM generate_series(0, ${conversations - 1}::int) AS i`
  return Array.from({ length: conversations }, (_, i) => `bc${run}${i}`)
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
export const summary = (values: number[]) => {
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

export async function json<T>(response: Response): Promise<T> {
  const body = await response.json() as { success: boolean, data: T, error?: unknown }
  if (!body.success) throw new Error(`${response.url} answered ${response.status}: ${JSON.stringify(body.error)}`)
  return body.data
}

export async function signIn(serverUrl: string, user: { email: string, password: string }): Promise<string> {
  const response = await fetch(`${serverUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }) })
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`)
  return response.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
}

/**
 * The same read on both conversations, requests interleaved (the order flipping each round) so
 * that the machine's ups and downs fall on both alike.
 */
async function measurePair(small: (i: number) => string, large: (i: number) => string, cookie: string, rounds: number) {
  for (let i = 0; i < 20; i++) {
    await timed(small(i), cookie)
    await timed(large(i), cookie)
  }
  const times = { small: [] as number[], large: [] as number[] }
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? (['small', 'large'] as const) : (['large', 'small'] as const)
    for (const which of order) times[which].push(await timed(which === 'small' ? small(i) : large(i), cookie))
  }
  return { small: summary(times.small), large: summary(times.large) }
}

export interface ReadPair {
  serverUrl: string
  /** A session that may read both conversations (their instructor's). */
  cookie: string
  small: { id: string, size: number }
  large: { id: string, size: number }
  rounds: number
}

/**
 * Newest page, a page deep in history (by cursor) and a jump to a day in the middle, on both
 * conversations: prints p50/p95 and the large/small ratios; true when every p50 ratio is ≤ 1.2.
 */
export async function measureReads({ serverUrl, cookie, small, large, rounds }: ReadPair): Promise<boolean> {
  const messages = (id: string, query = '') => `${serverUrl}/api/conversations/${id}/messages${query}`
  // Cursors deep in history: the page before each of ten days from `from` into the two years.
  // The large conversation's are 5–23 % in (three quarters of it and more back); the small one's
  // are 50–68 % in, early positions that still leave a full page behind them, so both read 30 rows.
  const deepCursors = async (id: string, from: number) => {
    const cursors: string[] = []
    for (let i = 0; i < 10; i++) {
      const page = await json<MessagePage>(await fetch(messages(id, `?around=${dayAt(from + i * 0.02)}`), { headers: { cookie } }))
      if (page.olderCursor) cursors.push(page.olderCursor)
    }
    if (!cursors.length) throw new Error('no cursor deep in history')
    return cursors
  }
  const [smallCursors, largeCursors] = [await deepCursors(small.id, 0.5), await deepCursors(large.id, 0.05)]
  const middleDays = Array.from({ length: 10 }, (_, i) => dayAt(0.45 + i * 0.01))

  const floorTimes: number[] = []
  for (let i = 0; i < 20; i++) await timed(`${serverUrl}/api/auth/me`, cookie)
  for (let i = 0; i < rounds; i++) floorTimes.push(await timed(`${serverUrl}/api/auth/me`, cookie))
  const floor = summary(floorTimes)
  const reads = [
    { name: 'newest page', result: await measurePair(() => messages(small.id), () => messages(large.id), cookie, rounds) },
    { name: 'page deep in history (cursor)', result: await measurePair(i => messages(small.id, `?before=${smallCursors[i % smallCursors.length]}`), i => messages(large.id, `?before=${largeCursors[i % largeCursors.length]}`), cookie, rounds) },
    { name: 'jump to a day in the middle', result: await measurePair(i => messages(small.id, `?around=${middleDays[i % middleDays.length]}`), i => messages(large.id, `?around=${middleDays[i % middleDays.length]}`), cookie, rounds) },
  ]

  // Every measured read returns a full page on both sides (the same work per request).
  const sizes = new Set<number>()
  for (const url of [messages(small.id), messages(large.id), ...smallCursors.map(c => messages(small.id, `?before=${c}`)), ...largeCursors.map(c => messages(large.id, `?before=${c}`)), ...middleDays.flatMap(d => [messages(small.id, `?around=${d}`), messages(large.id, `?around=${d}`)])])
    sizes.add((await json<MessagePage>(await fetch(url, { headers: { cookie } }))).messages.length)
  const ms = (v: number) => `${v.toFixed(2).padStart(6)} ms`
  console.log(`\nreads: ${rounds} requests each, one at a time, ${small.size} vs ${large.size} messages interleaved; messages a page: ${[...sizes].join(', ')}`)
  console.log(`${'GET /api/auth/me (floor)'.padEnd(32)} p50 ${ms(floor.p50)}   p95 ${ms(floor.p95)}`)
  let met = true
  for (const { name, result } of reads) {
    const ratio = { p50: result.large.p50 / result.small.p50, p95: result.large.p95 / result.small.p95 }
    met &&= ratio.p50 <= 1.2
    console.log(`${name.padEnd(32)} ${String(small.size).padStart(8)}: p50 ${ms(result.small.p50)}   p95 ${ms(result.small.p95)}`)
    console.log(`${''.padEnd(32)} ${String(large.size).padStart(8)}: p50 ${ms(result.large.p50)}   p95 ${ms(result.large.p95)}   ratio p50 ×${ratio.p50.toFixed(2)}, p95 ×${ratio.p95.toFixed(2)}`)
  }
  console.log(`target (p50 ratio ≤ 1.2 for every read): ${met ? 'met' : 'NOT met'}`)
  return met
}

export interface SendPair {
  serverUrl: string
  conversationId: string
  /** The conversation's two participants' sessions: the student's first. */
  cookies: [string, string]
  sends: number
}

/**
 * Sends from the conversation's two participants, each with its own clientKey, some sent twice at
 * once (a double click) and some again after the answer (a lost answer): every one must be stored
 * exactly once, and every retry must answer the same message. Twice: all at once (a burst:
 * throughput and p99 under contention), and each participant one at a time (what the app does:
 * one send in flight per conversation), where each sender's messages must keep their send order
 * in the stream. Prints the figures; true when every check held.
 */
export async function measureSends({ serverUrl, conversationId, cookies, sends: count }: SendPair): Promise<boolean> {
  const url = (query = '') => `${serverUrl}/api/conversations/${conversationId}/messages${query}`
  const runId = randomBytes(3).toString('hex')
  interface Sent { sender: number, seq: number, clientKey: string, ids: Set<string>, created: number }
  const send = async (sent: Sent) => {
    const started = performance.now()
    const response = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cookie': cookies[sent.sender]! },
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
  const plan = (phase: string) => Array.from({ length: count }, (_, i): Sent => ({ sender: i % 2, seq: Math.floor(i / 2), clientKey: `bench-${runId}-${phase}-${i % 2}-${Math.floor(i / 2)}`, ids: new Set(), created: 0 }))

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
    const page: MessagePage = await json<MessagePage>(await fetch(url(`?limit=100${before ? `&before=${before}` : ''}`), { headers: { cookie: cookies[1] } }))
    stream.unshift(...page.messages)
    before = page.messages[0]?.targetDate === today ? page.olderCursor : null
  } while (before)

  console.log(`\nsends: ${count} per run from 2 participants; ${count / 5} sent twice at once, ${count / 10} again after the answer`)
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
    console.log(`${name === 'burst' ? 'all at once' : 'one at a time per sender'}: ${stored.length}/${count} stored, each exactly once: ${once ? 'yes' : 'NO'}; ${(count / seconds).toFixed(0)} sends/s; p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms; ${orderNote}`)
  }
  console.log(`sends: ${allGood ? 'all stored once, order kept' : 'FAILED a check'}`)
  return allGood
}
