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
import { measureReads, measureSends, seedMessages, signIn } from './conversation-scale.ts'

const smoke = process.argv.includes('--smoke')
const SMALL = 100
const LARGE = smoke ? 5_000 : 100_000
const ROUNDS = smoke ? 40 : 400
const SENDS = smoke ? 40 : 200
const root = resolve(import.meta.dirname, '..')

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
  await seedMessages(db, [small!.id], { count: SMALL })
  await seedMessages(db, [large!.id], { count: LARGE })
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
  // The instructor is in both conversations, so one session reads both.
  const cookie = await signIn(server.url, pair.instructor)
  await measureReads({ serverUrl: server.url, cookie, small: { id: pair.small, size: SMALL }, large: { id: pair.large, size: LARGE }, rounds: ROUNDS })
  // Sends, into the large conversation (its index is the big one).
  await measureSends({ serverUrl: server.url, conversationId: pair.large, cookies: [await signIn(server.url, pair.student), cookie], sends: SENDS })
}
finally {
  await server.stop()
  await database.dispose()
  rmSync(scratch, { recursive: true, force: true })
}
