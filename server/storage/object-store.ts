// Where uploaded bytes live, as an object store: keys (storage/keys.ts) and streams, no paths.
// Two implementations, chosen by configuration (storage/index.ts): local disk, the zero-set-up
// default (disk-store.ts), and any S3-compatible store (s3-store.ts).
import type { Readable } from 'node:stream'
import type { DataStore } from '@tus/utils'

/** What `read` rejects with when there is no such object (a missing file is a 404, not a 500). */
export class MissingObject extends Error {
  constructor(key: string) {
    super(`no stored object ${key}`)
    this.name = 'MissingObject'
  }
}

/** An inclusive byte range, as HTTP Range has it. */
export interface ByteRange { start: number, end: number }

/**
 * What `read` opens: the bytes and how many there are (the range's length when a range was
 * asked), from the one request that opens them. An object store answers a GET with its length,
 * so a reader that must announce a Content-Length needs no `size` (a HEAD on S3) beforehand.
 */
export interface ReadObject { body: Readable, sizeBytes: number }

export interface ObjectStore {
  readonly kind: 'disk' | 's3'
  /** Where the bytes are (a directory, a bucket), for the health check and logs; never a secret. */
  readonly location: string
  /** The store the resumable upload endpoint (tus) writes into; objects keyed by upload id. */
  tusDatastore: () => DataStore
  /** The object's size, or null when there is no such (finished) object. */
  size: (key: string) => Promise<number | null>
  /**
   * Bytes an unfinished resumable upload holds so far (an S3 multipart upload's parts are no
   * object yet), or null when the store knows no such upload.
   */
  receivedBytes: (uploadId: string) => Promise<number | null>
  /** The object's bytes, or the range of them, with their length. Rejects with MissingObject when there is none. */
  read: (key: string, range?: ByteRange) => Promise<ReadObject>
  /** The first bytes (fewer when the object is shorter). */
  readHead: (key: string, bytes: number) => Promise<Buffer>
  /** Writes a whole object (replacing one with the same key). */
  put: (key: string, body: Buffer | Readable, options?: { contentType?: string }) => Promise<void>
  /** Removes every object the prefix owns, and any unfinished multipart upload under it. */
  removeOwned: (prefix: string) => Promise<void>
  /**
   * An address ffmpeg/ffprobe can read the object from for `seconds`: the file itself on disk,
   * a presigned GET URL on S3 (ffmpeg seeks in it with Range requests, no copy to local disk).
   */
  toolInput: (key: string, seconds: number) => Promise<string>
  /** Ready to take bytes: the directories exist (disk); nothing to prepare on S3. */
  prepare: () => Promise<void>
  /** Proves the store answers and takes writes now (the health check). */
  probe: () => Promise<string>
}
