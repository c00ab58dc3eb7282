// The object store's read, on local disk and in S3 (s3rver in this process), used directly: the
// bytes come with their length from the one request that opens them (on S3 one GET, no HEAD), a
// range gives its own length, and a missing object is MissingObject (the routes' 404).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDiskStore } from '../../server/storage/disk-store'
import { createS3Store } from '../../server/storage/s3-store'
import { MissingObject } from '../../server/storage/object-store'
import type { ObjectStore } from '../../server/storage/object-store'
import { streamBytes } from '../../server/utils/stream-bytes'
import { startS3Server } from '../support/s3-server'
import type { RunningS3 } from '../support/s3-server'

let scratch: string
let s3: RunningS3
const stores: Record<'disk' | 's3', () => ObjectStore> = { disk: () => disk, s3: () => inBucket }
let disk: ObjectStore
let inBucket: ObjectStore

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lectern-read-'))
  disk = createDiskStore(join(scratch, 'disk'))
  await disk.prepare()
  s3 = await startS3Server(join(scratch, 's3'))
  inBucket = createS3Store({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true })
})
afterAll(async () => {
  await s3?.stop()
  await rm(scratch, { recursive: true, force: true })
})

describe.each(['disk', 's3'] as const)('reading from the %s store', (name) => {
  it('gives the bytes with their length, of the whole object, a range, and a range past its end', async () => {
    const store = stores[name]()
    const key = randomBytes(16).toString('hex')
    const bytes = randomBytes(1000)
    await store.put(key, bytes)
    const before = name === 's3' ? s3.requestsFor(key).length : 0

    const whole = await store.read(key)
    expect(whole.sizeBytes).toBe(1000)
    expect((await streamBytes(whole.body)).equals(bytes)).toBe(true)
    const range = await store.read(key, { start: 10, end: 109 })
    expect(range.sizeBytes).toBe(100)
    expect((await streamBytes(range.body)).equals(bytes.subarray(10, 110))).toBe(true)
    const tail = await store.read(key, { start: 900, end: 1999 })
    expect(tail.sizeBytes).toBe(100)
    expect((await streamBytes(tail.body)).equals(bytes.subarray(900))).toBe(true)
    // One request a read: the length rides on the GET's answer.
    if (name === 's3') expect(s3.requestsFor(key).slice(before)).toEqual(['GET', 'GET', 'GET'])
  })

  it('rejects a missing object with MissingObject', async () => {
    await expect(stores[name]().read(randomBytes(16).toString('hex'))).rejects.toBeInstanceOf(MissingObject)
  })
})
