import { join, resolve } from 'node:path'
import { dataDir } from '../database/connection'

/** Where uploaded files live on local disk (LECTERN_STORAGE_DIR, default .data/uploads). */
export function storageDir(): string {
  return process.env.LECTERN_STORAGE_DIR ? resolve(process.env.LECTERN_STORAGE_DIR) : join(dataDir(), 'uploads')
}
