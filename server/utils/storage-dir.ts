import { lecternConfig } from './config'

/** Where uploaded files live on local disk (LECTERN_STORAGE_DIR, default .data/uploads). */
export function storageDir(): string {
  return lecternConfig().storageDir
}
