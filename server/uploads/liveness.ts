// Marks an upload as alive for the abandoned-upload cleanup by recording its received bytes, at
// most every 5 s per upload (sooner if the expiry is configured shorter). Writing on every chunk
// cost a database round trip per PATCH; the resumable offset itself is tus's, not this count.
import { recordReceivedBytes } from '../services/upload/record-received-bytes'
import { lecternConfig } from '../utils/config'

const lastWrite = new Map<string, number>()

export function markUploadAlive(uploadId: string, bytes: number, now = Date.now()): void {
  const every = Math.min(5_000, lecternConfig().uploadExpirySeconds * 250)
  if (now - (lastWrite.get(uploadId) ?? 0) < every) return
  lastWrite.set(uploadId, now)
  void recordReceivedBytes({ uploadId, bytes })
    .catch(error => console.error('[uploads] could not record the received bytes:', error))
}

export function forgetUploadLiveness(uploadId: string): void {
  lastWrite.delete(uploadId)
}
