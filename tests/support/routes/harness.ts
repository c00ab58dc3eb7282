// An isolated Lectern for the attack tests: a database of its own (created on the local
// PostgreSQL, migrated like tests/support/global-setup.ts does), its own SMTP sink and its own
// server instance. Row counts and checksums then change only through this file's requests, whatever
// other test files do to the shared server at the same time.
import { mkdtempSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { PrismaClient } from '../../../server/generated/prisma/client'
import { openDatabase } from '../../../server/database/connection'
import { startServer } from '../server-process'
import { startSmtpSink } from '../smtp-sink'
import { migratedDatabaseBeside } from '../test-database'

const root = resolve(import.meta.dirname, '../../..')

export interface IsolatedLectern {
  url: string
  db: PrismaClient
  /** A plain connection for the checksum (raw SQL over every table). */
  sql: pg.Client
  internalToken: string
  /** LECTERN_HLS_SECRET: fixtures sign HLS addresses with it. */
  hlsSecret: string
  storageDir: string
  mailDir: string
  /** The server's output so far (printed when a test fails on a 500). */
  output: () => string
  stop: () => Promise<void>
}

export async function startIsolatedLectern(): Promise<IsolatedLectern> {
  const scratch = mkdtempSync(join(tmpdir(), 'lectern-attack-'))
  // The run's PostgreSQL with another database: the test process opens it too (fixtures,
  // checksums), which PGlite cannot share with the server, so callers skip without one.
  const shared = inject('databaseUrl')
  if (!shared) throw new Error('the attack tests need PostgreSQL')
  const database = await migratedDatabaseBeside(shared, 'lectern_attack')
  const mailDir = join(scratch, 'mail')
  const smtp = await startSmtpSink(mailDir)
  const internalToken = randomBytes(24).toString('hex')
  const hlsSecret = randomBytes(24).toString('hex')
  const storageDir = join(scratch, 'uploads')
  const redisUrl = inject('redisUrl')
  const server = await startServer(root, {
    NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
    LECTERN_INTERNAL_TOKEN: internalToken,
    LECTERN_HLS_SECRET: hlsSecret,
    DATABASE_URL: database.url,
    // A Redis namespace of its own, as its database is: sharing the run's, this instance would
    // count among the main server's presence instances and could claim a dead one's users, then
    // announce them to no one (its database knows none of them).
    REDIS_URL: redisUrl ?? '',
    LECTERN_REDIS_NAMESPACE: `lectern-attack-${randomBytes(4).toString('hex')}`,
    LECTERN_STORAGE_DIR: storageDir,
    LECTERN_DATA_DIR: join(scratch, 'data'),
    LECTERN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    LECTERN_MAIL_FROM: 'Lectern attack tests <no-reply@lectern.test>',
    LECTERN_PRESENCE_HEARTBEAT_MS: '2000',
  }).catch(async (error) => {
    await smtp.stop()
    await database.drop()
    throw error
  })
  const db = new PrismaClient({ adapter: openDatabase({ databaseUrl: database.url }).adapter })
  const sql = new pg.Client({ connectionString: database.url })
  await sql.connect()
  return {
    url: server.url,
    db,
    sql,
    internalToken,
    hlsSecret,
    storageDir,
    mailDir,
    output: server.output,
    stop: async () => {
      await sql.end().catch(() => {})
      await db.$disconnect().catch(() => {})
      await server.stop()
      await smtp.stop()
      await database.drop()
      rmSync(scratch, { recursive: true, force: true })
    },
  }
}
