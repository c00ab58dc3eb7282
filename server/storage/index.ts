// The one object store of this process, chosen by configuration: S3 when LECTERN_S3_BUCKET is
// set (server/utils/config.ts), local disk otherwise. Services and routes import it from here.
import { lecternConfig } from '../utils/config'
import { createDiskStore } from './disk-store'
import { createS3Store } from './s3-store'
import type { ObjectStore } from './object-store'

let store: ObjectStore | undefined

export function useObjectStore(): ObjectStore {
  if (store) return store
  const { s3, storageDir } = lecternConfig()
  store = s3 ? createS3Store(s3) : createDiskStore(storageDir)
  return store
}

export type { ObjectStore, ByteRange } from './object-store'
export { MissingObject } from './object-store'
export { isDiskStore } from './disk-store'
export { thumbnailKey, ownedPrefix } from './keys'
