// Runs a block of server tests against each object store (server/storage/): the shared test
// server on local disk, then a second instance of the same build on the same database whose
// files live in S3 (s3rver in this process, tests/support/s3-server.ts), on a database of its
// own: the two instances must not share a job queue (a disk instance could claim the processing
// job of an upload that lives in S3, which no real deployment mixes). Only the upload,
// attachment, streaming and storage tests run twice; the rest of the suite uses the default
// store. The S3 block needs PostgreSQL and skips, saying so, without it.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { pointClientsAt } from './api-client'
import { NEEDS_SHARED_DATABASE, databaseUrl, pointTestDbAt } from './database'
import { stopOwnInstance } from './own-instance'
import { migratedDatabaseBeside } from './test-database'
import { startS3Server } from './s3-server'
import type { RunningS3 } from './s3-server'
import { startServer } from './server-process'
import type { RunningServer } from './server-process'

export interface StoreUnderTest {
  name: 'disk' | 's3'
  /** The stored object's bytes (an upload's by its id, a thumbnail by `<id>.jpg`), or null. */
  bytes: (key: string) => Promise<Buffer | null>
  /** The bytes an unfinished upload holds so far (on disk its file; in S3 its parts). */
  held: (uploadId: string) => Promise<Buffer | null>
  /** Everything the store holds for an upload: objects under its id and unfinished multipart uploads. */
  owned: (uploadId: string) => Promise<string[]>
  /** S3 only: files the instance left on local disk (its unused storage directory, the worker's scratch). */
  localLeftovers?: () => string[]
}

const onDisk: StoreUnderTest = {
  name: 'disk',
  async bytes(key) {
    const path = join(inject('storageDir'), key.endsWith('.jpg') ? 'thumbnails' : 'files', key)
    return existsSync(path) ? readFile(path) : null
  },
  held(uploadId) {
    return onDisk.bytes(uploadId)
  },
  async owned(uploadId) {
    const dir = inject('storageDir')
    return [join(dir, 'files', uploadId), join(dir, 'files', `${uploadId}.json`), join(dir, 'thumbnails', `${uploadId}.jpg`)].filter(existsSync)
  },
}

const filesUnder = (dir: string): string[] => existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter(entry => entry.isFile()).map(entry => join(entry.parentPath, entry.name)) : []

const inS3 = (s3: RunningS3, scratch: string): StoreUnderTest => ({
  name: 's3',
  localLeftovers: () => [...filesUnder(join(scratch, 'unused-disk')), ...filesUnder(join(scratch, 'data', 'scratch'))],
  bytes: key => s3.bytes(key),
  held: uploadId => s3.heldBytes(uploadId),
  owned: async uploadId => [...await s3.keys(uploadId), ...(await s3.unfinishedUploads(uploadId)).map(id => `multipart upload ${id}`)],
})

/** `body` once per store, each in a describe named after it; `store()` is the one running. */
export function describeEachStore(body: (store: () => StoreUnderTest) => void): void {
  describe('with files on local disk', () => body(() => onDisk))

  ;(databaseUrl ? describe : describe.skip)(`with files in S3${databaseUrl ? '' : ` [skipped: ${NEEDS_SHARED_DATABASE}]`}`, () => {
    let scratch: string
    let s3: RunningS3 | undefined
    let server: RunningServer | undefined
    let current: StoreUnderTest | undefined
    // Its own database: sharing the disk server's job queue, the disk instance could claim this
    // instance's processing jobs and find no file.
    let ownDatabase: Awaited<ReturnType<typeof migratedDatabaseBeside>> | undefined
    beforeAll(async () => {
      scratch = mkdtempSync(join(tmpdir(), 'lectern-s3-'))
      ownDatabase = await migratedDatabaseBeside(databaseUrl!, 'lectern_s3')
      s3 = await startS3Server(join(scratch, 's3'))
      server = await startServer(resolve(import.meta.dirname, '../..'), {
        NUXT_SESSION_PASSWORD: inject('sessionPassword'),
        LECTERN_INTERNAL_TOKEN: inject('internalToken'),
        LECTERN_QUERY_COUNTING: '1',
        DATABASE_URL: ownDatabase.url,
        REDIS_URL: inject('redisUrl') ?? '',
        // A Redis namespace of its own, as its database is: sharing the run's, its presence would
        // join the main server's, and it could claim a dead instance's users and announce them to
        // no one (its database knows none of them).
        LECTERN_REDIS_NAMESPACE: `lectern-s3-${randomBytes(4).toString('hex')}`,
        LECTERN_PRESENCE_HEARTBEAT_MS: inject('presenceHeartbeatMs'),
        LECTERN_DATA_DIR: join(scratch, 'data'),
        // Not used with S3: it stays empty (storage.test.ts checks).
        LECTERN_STORAGE_DIR: join(scratch, 'unused-disk'),
        LECTERN_SMTP_URL: `smtp://127.0.0.1:${inject('smtpPort')}`,
        ...s3.env,
      })
      current = inS3(s3, scratch)
      pointClientsAt(server.url)
      pointTestDbAt(ownDatabase.url)
    }, 120_000)
    afterAll(async () => {
      await stopOwnInstance({ server, database: ownDatabase, scratch })
      await s3?.stop()
    })
    body(() => {
      if (!current) throw new Error('the S3 instance did not start')
      return current
    })
  })
}
