// The conversation table far past what one school starts with: 1 M and then 10 M messages in
// PostgreSQL (20 000 in smoke mode), through the real built server.
//
// The table grows in stages, in one database and one run: at each, a tenth of the messages are in
// one very large conversation, 100 in a small one, and the rest in conversations of 1 000 (a
// school's shape: many students, a few instructors). At each stage, for the newest page, a page
// deep in history (by cursor) and a jump to a day in the middle: p50/p95 on the small and the
// large conversation, requests interleaved, and the ratio (target ≤ 1.2 at 10 M: a page costs the
// same however big the table and the conversation); the page's plan on the large conversation
// (EXPLAIN ANALYZE of its scan: one index range, stopping at its LIMIT); the table and index
// sizes; and sends (stored once, order kept, sends/s, p99) into the large conversation.
//
// Its own database beside DATABASE_URL's (or on 127.0.0.1:5432), dropped at the end: 10 M rows
// never land in a database someone uses. PostgreSQL only: the figures are about PostgreSQL.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PrismaClient } from '../server/generated/prisma/client.ts'
import { openDatabase } from '../server/database/connection.ts'
import { createUser } from '../prisma/seed/factories.ts'
import { ensureBuilt } from '../tests/support/build.ts'
import { startServer } from '../tests/support/server-process.ts'
import { migratedDatabaseBeside } from '../tests/support/test-database.ts'
import { measureReads, measureSends, seedConversations, seedMessages, signIn } from './conversation-scale.ts'

const smoke = process.argv.includes('--smoke')
/** Messages in the table at each stage. */
const STAGES = smoke ? [20_000] : (process.env.BENCH_GROWTH_STAGES ?? '1000000,10000000').split(',').map(Number)
const PER_CONVERSATION = smoke ? 100 : 1_000
const SMALL = 100
const ROUNDS = smoke ? 40 : 400
const SENDS = smoke ? 20 : 100
const root = resolve(import.meta.dirname, '..')

let database: Awaited<ReturnType<typeof migratedDatabaseBeside>>
try {
  database = await migratedDatabaseBeside(process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres', 'lectern_growth')
}
catch (error) {
  console.log(`skipped: no PostgreSQL to grow a table in (${(error as Error).message})`)
  process.exit(0)
}
const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-'))
const connection = openDatabase({ databaseUrl: database.url })
const db = new PrismaClient({ adapter: connection.adapter })
let server: Awaited<ReturnType<typeof startServer>> | undefined
try {
  const instructor = await createUser(db, { role: 'INSTRUCTOR', name: 'Bench Instructor' })
  const others = await Promise.all([1, 2, 3].map(n => createUser(db, { role: 'INSTRUCTOR', name: `Instructor ${n}` })))
  const students = [await createUser(db, { role: 'STUDENT', name: 'Small Student' }), await createUser(db, { role: 'STUDENT', name: 'Large Student' })]
  const [small, large] = await Promise.all(students.map(s => db.conversation.create({ data: { studentId: s.id, instructorId: instructor.id } })))
  await seedMessages(db, [small!.id], { count: SMALL })

  let largeSize = 0
  let background = 0
  for (const total of STAGES) {
    const started = performance.now()
    // A tenth in the large conversation, grown from what it held; the rest in new conversations.
    const largeTarget = Math.floor(total / 10)
    await seedMessages(db, [large!.id], { count: largeTarget, from: largeSize })
    largeSize = largeTarget
    const conversations = Math.max(0, Math.floor((total - largeSize - SMALL - background) / PER_CONVERSATION))
    const ids = await seedConversations(db, conversations, [instructor.id, ...others.map(o => o.id)])
    for (let i = 0; i < ids.length; i += 250) await seedMessages(db, ids.slice(i, i + 250), { count: PER_CONVERSATION })
    background += conversations * PER_CONVERSATION
    const loaded = performance.now()
    // What autovacuum would soon do after a bulk load: fresh planner statistics.
    await db.$executeRawUnsafe('ANALYZE "Message"')
    const [counted] = await db.$queryRaw<{ rows: bigint, conversations: bigint }[]>`SELECT count(*) AS rows, count(DISTINCT "conversationId") AS conversations FROM "Message"`
    const [sizes] = await db.$queryRaw<{ table: string, indexes: string, page_index: string }[]>`
      SELECT pg_size_pretty(pg_table_size('"Message"')) AS table, pg_size_pretty(pg_indexes_size('"Message"')) AS indexes,
             pg_size_pretty(pg_relation_size('"Message_conversationId_targetDate_createdAt_id_idx"')) AS page_index`
    console.log(`\n=== ${Number(counted!.rows).toLocaleString('en')} messages in ${Number(counted!.conversations).toLocaleString('en')} conversations (large ${largeSize.toLocaleString('en')}, small ${SMALL}): `
      + `loaded in ${((loaded - started) / 1000).toFixed(0)} s, ANALYZE ${((performance.now() - loaded) / 1000).toFixed(0)} s; `
      + `table ${sizes!.table}, indexes ${sizes!.indexes} (the page index ${sizes!.page_index})`)

    // The newest page's scan on the large conversation, as get-message-page.ts runs it.
    const plan = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS)
      SELECT m.* FROM "Message" m WHERE m."conversationId" = '${large!.id}'
      ORDER BY m."targetDate" DESC, m."createdAt" DESC, m.id DESC LIMIT 31`)
    for (const line of plan.map(p => p['QUERY PLAN']).filter(l => /Limit|Index|Buffers|Execution/.test(l))) console.log(`  plan: ${line.trim()}`)

    if (!server) {
      ensureBuilt(root)
      server = await startServer(root, {
        NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
        LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
        DATABASE_URL: database.url,
        LECTERN_DATA_DIR: join(scratch, 'data'),
      })
    }
    const cookie = await signIn(server.url, instructor)
    await measureReads({ serverUrl: server.url, cookie, small: { id: small!.id, size: SMALL }, large: { id: large!.id, size: largeSize }, rounds: ROUNDS })
    await measureSends({ serverUrl: server.url, conversationId: large!.id, cookies: [await signIn(server.url, students[1]!), cookie], sends: SENDS })
  }
}
finally {
  await server?.stop()
  await db.$disconnect()
  await connection.close()
  await database.drop()
  rmSync(scratch, { recursive: true, force: true })
}
