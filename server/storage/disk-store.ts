// The local-disk store, the zero-set-up default: files under LECTERN_STORAGE_DIR (files/<key>,
// thumbnails under thumbnails/, the layout earlier versions wrote, so existing data directories
// keep working). The resumable upload store (@tus/file-store) writes into files/ directly, and
// PATCH bodies are piped straight to the upload's file (uploads/node-body.ts): that fast path
// is this store's alone, through `uploadFilePath`, which is not part of the ObjectStore interface.
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { FileStore } from '@tus/file-store'
import { checkObjectKey, checkUploadId, hlsKeyUpload } from './keys'
import { MissingObject } from './object-store'
import type { ObjectStore } from './object-store'

/** What an upload owns on disk beside its bytes: tus's metadata file and the thumbnail (and its HLS folder). */
const OWNED_SUFFIXES = ['', '.json', '.jpg']

export interface DiskStore extends ObjectStore {
  readonly kind: 'disk'
  /** The file an unfinished upload's bytes are appended to (the fast PATCH path only). */
  uploadFilePath: (uploadId: string) => string
}

export function createDiskStore(directory: string): DiskStore {
  // An HLS ladder is hundreds of small files: a folder per upload, removed whole with it.
  const hlsDir = (uploadId: string) => join(directory, 'hls', checkUploadId(uploadId))
  const pathOf = (key: string) => {
    checkObjectKey(key)
    const ladderOf = hlsKeyUpload(key)
    if (ladderOf) return join(hlsDir(ladderOf), key)
    return key.endsWith('.jpg') ? join(directory, 'thumbnails', key) : join(directory, 'files', key)
  }
  let datastore: FileStore | undefined
  const size = async (key: string) => {
    try {
      return (await stat(pathOf(key))).size
    }
    catch {
      return null
    }
  }

  return {
    kind: 'disk',
    location: directory,
    uploadFilePath: (uploadId: string) => pathOf(checkUploadId(uploadId)),
    tusDatastore: () => (datastore ??= new FileStore({ directory: join(directory, 'files') })),
    size,
    // The file is the upload: its length is what arrived.
    receivedBytes: uploadId => size(checkUploadId(uploadId)),
    async read(key, range) {
      const path = pathOf(key)
      // Fails here, not mid-response, when the file is missing; the same stat gives the length.
      const { size: fileBytes } = await stat(path).catch(() => Promise.reject(new MissingObject(key)))
      if (!range) return { body: createReadStream(path), sizeBytes: fileBytes }
      // A range past the end gives what there is, as a file stream (and S3) would.
      const sizeBytes = Math.max(0, Math.min(range.end, fileBytes - 1) - range.start + 1)
      return { body: createReadStream(path, { start: range.start, end: range.end }), sizeBytes }
    },
    async readHead(key, bytes) {
      const handle = await open(pathOf(key), 'r')
      try {
        const buffer = Buffer.alloc(bytes)
        const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
        return buffer.subarray(0, bytesRead)
      }
      finally {
        await handle.close()
      }
    },
    async put(key, body) {
      // Written beside, then renamed: a reader never sees half an object.
      const path = pathOf(key)
      if (hlsKeyUpload(key)) await mkdir(join(path, '..'), { recursive: true })
      const partial = `${path}.${randomBytes(6).toString('hex')}.partial`
      try {
        if (Buffer.isBuffer(body)) await writeFile(partial, body)
        else await pipeline(body as Readable, createWriteStream(partial))
        await rename(partial, path)
      }
      finally {
        await rm(partial, { force: true })
      }
    },
    async removeOwned(prefix) {
      checkUploadId(prefix)
      await Promise.all(OWNED_SUFFIXES.map(suffix => rm(pathOf(`${prefix}${suffix}`), { force: true })))
      await rm(hlsDir(prefix), { recursive: true, force: true })
    },
    toolInput: async key => pathOf(key),
    async prepare() {
      await mkdir(join(directory, 'files'), { recursive: true })
      await mkdir(join(directory, 'thumbnails'), { recursive: true })
    },
    async probe() {
      await mkdir(directory, { recursive: true })
      const probe = join(directory, `.health-${process.pid}-${Date.now()}`)
      await writeFile(probe, 'ok')
      await rm(probe)
      return `${directory} writable`
    },
  }
}

export const isDiskStore = (store: ObjectStore): store is DiskStore => store.kind === 'disk'
