// The HLS tests' own server: the same build with adaptive streaming on (every other server of the
// run has it off, tests/support/server-process.ts), on a database and Redis namespace of its own
// (its transcode jobs must not be claimed by the shared server, which has it off), files on local
// disk, or in S3 (s3rver in this process, as tests/support/stores-under-test.ts does) with
// `{ store: 's3' }`. Needs PostgreSQL, like the S3 instance.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, inject } from 'vitest'
import { pointClientsAt } from './api-client'
import { databaseUrl, pointTestDbAt, testDb } from './database'
import { stopOwnInstance } from './own-instance'
import { migratedDatabaseBeside } from './test-database'
import { startS3Server } from './s3-server'
import type { RunningS3 } from './s3-server'
import { startServer } from './server-process'
import type { RunningServer } from './server-process'

export const JOB_TIMEOUT_SECONDS = 2

export interface HlsServer {
  url: string
  /** Where its disk store keeps files (an upload's ladder in hls/<upload id>/). */
  storageDir: string
  /** LECTERN_HLS_SECRET: tests sign addresses of their own with it (an expired one). */
  secret: string
  /** With `{ store: 's3' }`: the bucket the instance keeps its files in. */
  s3?: RunningS3
  /** The instance's data directory (the workers' scratch is in it). */
  dataDir: string
}

/** Starts it before the file's tests, points the API clients and testDb() at it, stops it after. */
export function useHlsServer({ store = 'disk' }: { store?: 'disk' | 's3' } = {}): () => HlsServer {
  let scratch: string | undefined
  let s3: RunningS3 | undefined
  let server: RunningServer | undefined
  let ownDatabase: Awaited<ReturnType<typeof migratedDatabaseBeside>> | undefined
  let running: HlsServer | undefined
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'lectern-hls-'))
    ownDatabase = await migratedDatabaseBeside(databaseUrl!, 'lectern_hls')
    const secret = randomBytes(24).toString('hex')
    if (store === 's3') s3 = await startS3Server(join(scratch, 's3'))
    server = await startServer(resolve(import.meta.dirname, '../..'), {
      NUXT_SESSION_PASSWORD: inject('sessionPassword'),
      LECTERN_INTERNAL_TOKEN: inject('internalToken'),
      DATABASE_URL: ownDatabase.url,
      REDIS_URL: inject('redisUrl') ?? '',
      LECTERN_REDIS_NAMESPACE: `lectern-hls-${randomBytes(4).toString('hex')}`,
      LECTERN_DATA_DIR: join(scratch, 'data'),
      LECTERN_STORAGE_DIR: join(scratch, 'uploads'),
      LECTERN_SMTP_URL: `smtp://127.0.0.1:${inject('smtpPort')}`,
      LECTERN_HLS: '1',
      // Shorter than a transcode: the runner must renew a running job's lease, or the job is taken
      // for crashed and run again (tests/server/hls.test.ts counts attempts).
      LECTERN_JOB_TIMEOUT_SECONDS: String(JOB_TIMEOUT_SECONDS),
      LECTERN_HLS_SECRET: secret,
      ...s3?.env,
    })
    running = { url: server.url, storageDir: join(scratch, 'uploads'), secret, s3, dataDir: join(scratch, 'data') }
    pointClientsAt(server.url)
    pointTestDbAt(ownDatabase.url)
  }, 120_000)
  afterAll(async () => {
    await stopOwnInstance({ server, database: ownDatabase, scratch })
    await s3?.stop()
  })
  return () => {
    if (!running) throw new Error('the HLS server did not start')
    return running
  }
}

/** Waits (beforeAll cannot use expect.poll) until this many renditions of the lessons' videos are ready. */
export async function laddersReady(lessonIds: string[], renditions: number): Promise<void> {
  for (const started = Date.now(); ;) {
    const ready = await testDb().mediaRendition.count({ where: { status: 'READY', mediaFile: { videos: { some: { id: { in: lessonIds } } } } } })
    if (ready === renditions) return
    if (Date.now() - started > 120_000) throw new Error(`${ready} of ${renditions} renditions ready`)
    await new Promise(done => setTimeout(done, 250))
  }
}
