// `npm run storage:migrate`: copies the uploaded files on local disk (LECTERN_STORAGE_DIR, else
// the data directory's uploads/) into the S3-compatible store configured with LECTERN_S3_*.
//
// - Copy only: local files and the database are never changed, so stopping it at any moment
//   (Ctrl-C, a crash) leaves everything as it was, plus some objects that were copied whole
//   (an object appears in the bucket only when its PUT or multipart upload completes).
// - Each object is verified after the copy: its size, and the sha256 of the bytes read back
//   from the store, against the local file's.
// - Idempotent and resumable: an object already in the store with the same size is read back
//   and hashed; when it matches it is kept ("already there"), otherwise copied again.
// - Unfinished uploads stay where they are: their bytes are not a file yet, and the S3 store
//   resumes uploads it started itself only. Finish or discard them before switching.
// Switch the server to S3 (set LECTERN_S3_* for it) once a run reports no failure.
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { lecternConfig } from '../../server/utils/config.ts'
import { createS3Store } from '../../server/storage/s3-store.ts'
import type { ObjectStore } from '../../server/storage/object-store.ts'

const OBJECT_KEY = /^[a-f0-9]{32}(\.jpg)?$/

interface LocalObject { key: string, path: string, size: number }

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of stream) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** files/<key> (the uploads) and thumbnails/<key>.jpg; tus's .json files and half-written files are not objects. */
async function localObjects(root: string): Promise<{ objects: LocalObject[], unfinished: string[] }> {
  const objects: LocalObject[] = []
  const unfinished: string[] = []
  for (const dir of ['files', 'thumbnails']) {
    if (!existsSync(join(root, dir))) continue
    for (const name of (await readdir(join(root, dir))).sort()) {
      if (!OBJECT_KEY.test(name)) continue
      const path = join(root, dir, name)
      const { size } = await stat(path)
      // The resumable upload's record says how long the file will be; shorter means unfinished.
      const record = join(root, dir, `${name}.json`)
      const declared = existsSync(record) ? Number(JSON.parse(await readFile(record, 'utf8')).size) : size
      if (Number.isFinite(declared) && size < declared) unfinished.push(`${name} (${mib(size)} of ${mib(declared)})`)
      else objects.push({ key: name, path, size })
    }
  }
  return { objects, unfinished }
}

async function copyOne(store: ObjectStore, object: LocalObject): Promise<'copied' | 'already there'> {
  const localHash = await sha256Of(createReadStream(object.path))
  const storedHash = async () => (await store.size(object.key)) === object.size ? sha256Of((await store.read(object.key)).body) : null
  if (await storedHash() === localHash) return 'already there'
  await store.put(object.key, createReadStream(object.path))
  const after = await storedHash()
  if (after !== localHash) throw new Error(`the stored copy does not match (sha256 ${after ?? 'of a different size'}, expected ${localHash})`)
  return 'copied'
}

const config = lecternConfig()
if (!config.s3) {
  console.error('storage:migrate: set LECTERN_S3_BUCKET (and LECTERN_S3_ENDPOINT, LECTERN_S3_REGION, LECTERN_S3_ACCESS_KEY_ID, LECTERN_S3_SECRET_ACCESS_KEY, LECTERN_S3_FORCE_PATH_STYLE as your store needs) to say where the files go.')
  process.exit(2)
}
const store = createS3Store(config.s3)
await store.probe()
const { objects, unfinished } = await localObjects(config.storageDir)
const total = objects.reduce((sum, object) => sum + object.size, 0)
console.log(`storage:migrate: ${objects.length} objects (${mib(total)}) from ${config.storageDir} to ${store.location}`)
const counts = { 'copied': 0, 'already there': 0, 'failed': 0 }
let done = 0
for (const [index, object] of objects.entries()) {
  const label = `[${index + 1}/${objects.length}] ${object.key} ${mib(object.size)}`
  try {
    const outcome = await copyOne(store, object)
    counts[outcome]++
    done += object.size
    console.log(`${label}: ${outcome}, size and sha256 verified (${mib(done)} of ${mib(total)})`)
  }
  catch (error) {
    counts.failed++
    console.error(`${label}: FAILED: ${(error as Error).message}`)
  }
}
for (const upload of unfinished) console.log(`not copied, an unfinished upload: ${upload}; finish or discard it, then run this again`)
console.log(`storage:migrate: ${counts.copied} copied, ${counts['already there']} already there, ${unfinished.length} unfinished left on disk, ${counts.failed} failed`)
process.exit(counts.failed ? 1 : 0)
