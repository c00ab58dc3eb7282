// A local S3-protocol server for the tests that run against the S3 store: s3rver, in this
// process, with one bucket, plus a shim for the three multipart calls s3rver 3.7.1 lacks and
// @tus/s3-store needs (ListParts on every PATCH and HEAD, AbortMultipartUpload on cancel,
// ListMultipartUploads for purges): they are answered from s3rver's own record of unfinished
// uploads (`<bucket>/._S3rver_uploads/<uploadId>/`: a `key` file and one file per part).
// Test support only: it checks no signatures and answers one page.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import S3rver from 's3rver'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { freePort } from './server-process'

interface KoaContext {
  method: string
  path: string
  query: Record<string, string | string[] | undefined>
  status: number
  type: string
  body: unknown
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>

export const S3_BUCKET = 'lectern-test'
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function noSuchUpload(ctx: KoaContext, uploadId: string) {
  ctx.status = 404
  ctx.type = 'application/xml'
  ctx.body = xml(`<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${escape(uploadId)}</UploadId></Error>`)
}

function multipartShim(directory: string): Middleware {
  const uploadsOf = (bucket: string) => join(directory, bucket, '._S3rver_uploads')
  return async (ctx, next) => {
    const [bucket, ...rest] = ctx.path.replace(/^\//, '').split('/')
    const key = decodeURIComponent(rest.join('/'))
    const uploadId = typeof ctx.query.uploadId === 'string' ? ctx.query.uploadId : undefined
    if (!bucket) return next()

    if (ctx.method === 'GET' && !key && 'uploads' in ctx.query) {
      // ListMultipartUploads, filtered by Prefix.
      const prefix = typeof ctx.query.prefix === 'string' ? ctx.query.prefix : ''
      const dir = uploadsOf(bucket)
      const ids = existsSync(dir) ? await readdir(dir) : []
      const uploads: string[] = []
      for (const id of ids) {
        const uploadKey = await readFile(join(dir, id, 'key'), 'utf8').catch(() => null)
        if (uploadKey === null || !uploadKey.startsWith(prefix)) continue
        const started = (await stat(join(dir, id))).birthtime.toISOString()
        uploads.push(`<Upload><Key>${escape(uploadKey)}</Key><UploadId>${escape(id)}</UploadId><Initiated>${started}</Initiated><StorageClass>STANDARD</StorageClass></Upload>`)
      }
      ctx.status = 200
      ctx.type = 'application/xml'
      ctx.body = xml(`<ListMultipartUploadsResult><Bucket>${escape(bucket)}</Bucket><Prefix>${escape(prefix)}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${uploads.join('')}</ListMultipartUploadsResult>`)
      return
    }
    if (!key || !uploadId) return next()
    const uploadDir = join(uploadsOf(bucket), uploadId)

    if (ctx.method === 'GET') {
      // ListParts.
      if (!existsSync(uploadDir)) return noSuchUpload(ctx, uploadId)
      const numbers = (await readdir(uploadDir)).filter(name => /^\d+$/.test(name)).map(Number).sort((a, b) => a - b)
      const parts = await Promise.all(numbers.map(async (number) => {
        const path = join(uploadDir, String(number))
        const [info, md5] = await Promise.all([stat(path), readFile(`${path}.md5`, 'utf8').catch(async () => createHash('md5').update(await readFile(path)).digest('hex'))])
        return `<Part><PartNumber>${number}</PartNumber><LastModified>${info.mtime.toISOString()}</LastModified><ETag>"${md5.trim()}"</ETag><Size>${info.size}</Size></Part>`
      }))
      ctx.status = 200
      ctx.type = 'application/xml'
      ctx.body = xml(`<ListPartsResult><Bucket>${escape(bucket)}</Bucket><Key>${escape(key)}</Key><UploadId>${escape(uploadId)}</UploadId><PartNumberMarker>0</PartNumberMarker><MaxParts>10000</MaxParts><IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`)
      return
    }
    if (ctx.method === 'DELETE') {
      // AbortMultipartUpload.
      if (!existsSync(uploadDir)) return noSuchUpload(ctx, uploadId)
      await rm(uploadDir, { recursive: true, force: true })
      ctx.status = 204
      ctx.body = null
      return
    }
    return next()
  }
}

export interface RunningS3 {
  endpoint: string
  bucket: string
  /** The server settings that select this store (server/utils/config.ts). */
  env: Record<string, string>
  client: S3Client
  /** An object's bytes, or null when there is none. */
  bytes: (key: string) => Promise<Buffer | null>
  /**
   * What an unfinished tus upload holds: its multipart upload's parts in order, then tus's
   * `<id>.part` object (a tail shorter than a part); null when neither exists.
   */
  heldBytes: (uploadId: string) => Promise<Buffer | null>
  /** Every key in the bucket that starts with the prefix. */
  keys: (prefix: string) => Promise<string[]>
  /** Multipart uploads begun and neither completed nor aborted, under the prefix. */
  unfinishedUploads: (prefix: string) => Promise<string[]>
  /** The methods of every request the server has had for the object, in order (HEAD, GET, …). */
  requestsFor: (key: string) => string[]
  stop: () => Promise<void>
}

export async function startS3Server(directory: string): Promise<RunningS3> {
  const bytes = async (key: string): Promise<Buffer | null> => {
    try {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: S3_BUCKET, Key: key }))
      return Buffer.from(await Body!.transformToByteArray())
    }
    catch (error) {
      if ((error as Error).name === 'NoSuchKey') return null
      throw error
    }
  }
  const port = await freePort()
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, configureBuckets: [{ name: S3_BUCKET, configs: [] }] })
  // Every request is noted first, so a test can count what one of the app's reads cost the store.
  const requests: { method: string, key: string }[] = []
  const noteRequest: Middleware = (ctx, next) => {
    requests.push({ method: ctx.method, key: decodeURIComponent(ctx.path.replace(/^\/[^/]*\/?/, '')) })
    return next()
  }
  ;(server as unknown as { middleware: Middleware[] }).middleware.unshift(noteRequest, multipartShim(directory))
  await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return {
    endpoint,
    bucket: S3_BUCKET,
    env: {
      LECTERN_S3_ENDPOINT: endpoint,
      LECTERN_S3_BUCKET: S3_BUCKET,
      LECTERN_S3_REGION: 'us-east-1',
      LECTERN_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      LECTERN_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      LECTERN_S3_FORCE_PATH_STYLE: '1',
    },
    client,
    bytes,
    async heldBytes(uploadId) {
      const pieces: Buffer[] = []
      const dir = join(directory, S3_BUCKET, '._S3rver_uploads')
      for (const id of existsSync(dir) ? await readdir(dir) : []) {
        if (await readFile(join(dir, id, 'key'), 'utf8').catch(() => '') !== uploadId) continue
        const numbers = (await readdir(join(dir, id))).filter(name => /^\d+$/.test(name)).map(Number).sort((a, b) => a - b)
        for (const number of numbers) pieces.push(await readFile(join(dir, id, String(number))))
      }
      const tail = await bytes(`${uploadId}.part`)
      if (tail) pieces.push(tail)
      return pieces.length ? Buffer.concat(pieces) : null
    },
    async keys(prefix) {
      const page = await client.send(new ListObjectsV2Command({ Bucket: S3_BUCKET, Prefix: prefix }))
      return (page.Contents ?? []).map(object => object.Key!)
    },
    async unfinishedUploads(prefix) {
      const dir = join(directory, S3_BUCKET, '._S3rver_uploads')
      if (!existsSync(dir)) return []
      const found: string[] = []
      for (const id of await readdir(dir)) {
        const key = await readFile(join(dir, id, 'key'), 'utf8').catch(() => '')
        if (key.startsWith(prefix)) found.push(id)
      }
      return found
    },
    requestsFor: key => requests.filter(request => request.key === key).map(request => request.method),
    async stop() {
      client.destroy()
      await server.close()
    },
  }
}
