// The S3-compatible store (AWS S3, MinIO, R2, …), chosen when LECTERN_S3_BUCKET is set. One
// bucket; an object's key is its storage key (storage/keys.ts). Resumable uploads go through
// @tus/s3-store: each upload is a multipart upload that becomes the object `<id>` when its last
// PATCH arrives, with tus's `<id>.info` (metadata) and `<id>.part` (a tail shorter than a part)
// beside it. Nothing of an upload touches local disk except tus's buffering of one part.
import type { Readable } from 'node:stream'
import { S3Store } from '@tus/s3-store'
import type { MetadataValue } from '@tus/s3-store'
import type { KvStore } from '@tus/utils'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import {
  AbortMultipartUploadCommand, DeleteObjectsCommand, GetObjectCommand, HeadBucketCommand,
  HeadObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, S3Client,
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { streamBytes } from '../utils/stream-bytes'
import { checkObjectKey, checkUploadId } from './keys'
import { MissingObject } from './object-store'
import type { ObjectStore, ReadObject } from './object-store'

export interface S3Settings {
  bucket: string
  endpoint?: string
  region: string
  accessKeyId?: string
  secretAccessKey?: string
  forcePathStyle: boolean
}

/** tus's part size: S3 wants at least 5 MiB per part but the last; 8 MiB is tus's own default. */
const PART_BYTES = 8 * 1024 * 1024

export function s3ClientConfig(settings: S3Settings): S3ClientConfig {
  return {
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    // Unset: the SDK's own chain (AWS_* variables, an instance or pod role).
    ...(settings.accessKeyId ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey ?? '' } } : {}),
    // The SDK's default "aws-chunked" bodies with trailing checksums are stored as data by some
    // S3-compatible servers (a corrupt object, a wrong resume offset); real S3 is fine either way.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }
}

const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode
const isMissing = (error: unknown) => statusOf(error) === 404 || ['NotFound', 'NoSuchKey', 'NoSuchUpload'].includes((error as Error)?.name)

/**
 * `uploadInfoCache`: where tus keeps each upload's metadata (its multipart upload id, size, tus
 * metadata) between requests; unset, in this process's memory. Several instances share it through
 * Redis (storage/index.ts): each of an upload's PATCHes may reach another instance, and a copy
 * one instance kept after the upload was cancelled or finished elsewhere would be stale.
 */
export function createS3Store(settings: S3Settings, uploadInfoCache?: KvStore<MetadataValue>): ObjectStore {
  const config = s3ClientConfig(settings)
  const client = new S3Client(config)
  const Bucket = settings.bucket
  let datastore: S3Store | undefined
  const tusDatastore = () => (datastore ??= new S3Store({ partSize: PART_BYTES, ...(uploadInfoCache ? { cache: uploadInfoCache } : {}), s3ClientConfig: { bucket: Bucket, ...config } }))

  async function read(key: string, range?: { start: number, end: number }): Promise<ReadObject> {
    let answer
    try {
      answer = await client.send(new GetObjectCommand({ Bucket, Key: checkObjectKey(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }))
    }
    catch (error) {
      throw isMissing(error) ? new MissingObject(key) : error
    }
    // S3 answers a GET with Content-Length (of the range when one was asked); a store that did
    // not would leave readers announcing a length they cannot know.
    const body = answer.Body as Readable
    if (answer.ContentLength === undefined) {
      body.destroy()
      throw new Error(`the object store sent ${key} without its length`)
    }
    return { body, sizeBytes: answer.ContentLength }
  }

  async function keysUnder(prefix: string): Promise<string[]> {
    const keys: string[] = []
    let ContinuationToken: string | undefined
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }))
      keys.push(...(page.Contents ?? []).map(object => object.Key!).filter(Boolean))
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (ContinuationToken)
    return keys
  }

  async function unfinishedUploadsUnder(prefix: string): Promise<{ Key: string, UploadId: string }[]> {
    const uploads: { Key: string, UploadId: string }[] = []
    let KeyMarker: string | undefined
    let UploadIdMarker: string | undefined
    for (;;) {
      const page = await client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: prefix, KeyMarker, UploadIdMarker }))
      for (const upload of page.Uploads ?? []) if (upload.Key && upload.UploadId) uploads.push({ Key: upload.Key, UploadId: upload.UploadId })
      if (!page.IsTruncated) return uploads
      KeyMarker = page.NextKeyMarker
      UploadIdMarker = page.NextUploadIdMarker
    }
  }

  return {
    kind: 's3',
    location: `s3://${Bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`,
    tusDatastore,
    async size(key) {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket, Key: checkObjectKey(key) }))).ContentLength ?? null
      }
      catch (error) {
        if (isMissing(error)) return null
        throw error
      }
    },
    async receivedBytes(uploadId) {
      try {
        return (await tusDatastore().getUpload(checkUploadId(uploadId))).offset
      }
      catch {
        return null
      }
    },
    read,
    async readHead(key, bytes) {
      let body: Readable
      try {
        body = (await read(key, { start: 0, end: bytes - 1 })).body
      }
      catch (error) {
        if (statusOf(error) === 416) return Buffer.alloc(0) // an empty object
        throw error
      }
      return (await streamBytes(body)).subarray(0, bytes)
    },
    async put(key, body, options = {}) {
      // One PUT for small bodies, a multipart upload past a part (lib-storage decides).
      await new Upload({
        client,
        params: { Bucket, Key: checkObjectKey(key), Body: body, ...(options.contentType ? { ContentType: options.contentType } : {}) },
        partSize: PART_BYTES,
        queueSize: 2,
      }).done()
    },
    async removeOwned(prefix) {
      checkUploadId(prefix)
      // Unfinished multipart uploads first: their parts are stored (and billed) but listed nowhere else.
      for (const upload of await unfinishedUploadsUnder(prefix)) {
        await client.send(new AbortMultipartUploadCommand({ Bucket, ...upload })).catch((error) => {
          if (!isMissing(error)) throw error
        })
      }
      const keys = await keysUnder(prefix)
      for (let index = 0; index < keys.length; index += 1000) {
        await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys.slice(index, index + 1000).map(Key => ({ Key })), Quiet: true } }))
      }
      // tus caches an upload's metadata in memory; a later HEAD must see the upload gone.
      await (datastore as unknown as { clearCache?: (id: string) => Promise<void> } | undefined)?.clearCache?.(prefix)
    },
    toolInput: (key, seconds) => getSignedUrl(client, new GetObjectCommand({ Bucket, Key: checkObjectKey(key) }), { expiresIn: seconds }),
    prepare: async () => {},
    async probe() {
      await client.send(new HeadBucketCommand({ Bucket }))
      return `${Bucket} reachable`
    },
  }
}
