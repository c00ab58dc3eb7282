// The one object store of this process, chosen by configuration: S3 when LECTERN_S3_BUCKET is
// set (server/utils/config.ts), local disk otherwise. Services and routes import it from here.
import Redis from 'ioredis'
import { IoRedisKvStore } from '@tus/utils'
import type { MetadataValue } from '@tus/s3-store'
import { lecternConfig } from '../utils/config'
import { createDiskStore } from './disk-store'
import { createS3Store } from './s3-store'
import type { ObjectStore } from './object-store'

let store: ObjectStore | undefined

export function useObjectStore(): ObjectStore {
  if (store) return store
  const { s3, storageDir } = lecternConfig()
  store = s3 ? createS3Store(s3, sharedUploadInfo()) : createDiskStore(storageDir)
  return store
}

/**
 * With Redis and S3, tus's per-upload metadata cache lives in Redis, so every instance reads the
 * same (several instances behind a proxy need S3: one machine's disk is not shared). The disk
 * store needs none: it reads each upload's `.json` beside the file on every request, and a disk
 * is one machine's, so the instances sharing it would be on that machine.
 */
function sharedUploadInfo(): IoRedisKvStore<MetadataValue> | undefined {
  const { redisUrl, redisNamespace } = lecternConfig()
  if (!redisUrl) return undefined
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 })
  redis.on('error', error => console.error(`[storage] redis upload info: ${error.message}`))
  return new IoRedisKvStore<MetadataValue>(redis, `${redisNamespace}:upload-info:`)
}

export type { ObjectStore, ByteRange, ReadObject } from './object-store'
export { MissingObject } from './object-store'
export { isDiskStore } from './disk-store'
export { thumbnailKey, ownedPrefix, hlsMasterKey, hlsPlaylistKey, hlsSegmentPattern, hlsKeyUpload } from './keys'
