// Records an upload's received bytes in its media row, at most every 5 s per upload (sooner if the
// expiry is configured shorter), and once more when the bytes stop (a trailing write). The row
// then says how far an interrupted upload got (the percentage a reloaded page shows) and, by its
// update time, whether someone is sending it right now (another tab: shared/uploads/progress.ts's
// UPLOAD_LIVE_MS), and keeps a live upload out of the abandoned-upload cleanup. Writing on every
// chunk cost a database round trip per PATCH; the resumable offset itself is tus's, not this count.
import { recordReceivedBytes } from '../services/upload/record-received-bytes'
import { lecternConfig } from '../utils/config'

const lastWrite = new Map<string, number>()
const pending = new Map<string, { bytes: number, timer: ReturnType<typeof setTimeout> }>()

function write(uploadId: string, bytes: number, now: number): void {
  lastWrite.set(uploadId, now)
  void recordReceivedBytes({ uploadId, bytes })
    .catch(error => console.error('[uploads] could not record the received bytes:', error))
}

export function markUploadAlive(uploadId: string, bytes: number, now = Date.now()): void {
  const every = Math.min(5_000, lecternConfig().uploadExpirySeconds * 250)
  const wait = every - (now - (lastWrite.get(uploadId) ?? 0))
  const held = pending.get(uploadId)
  if (wait <= 0) {
    clearTimeout(held?.timer)
    pending.delete(uploadId)
    return write(uploadId, bytes, now)
  }
  if (held) {
    held.bytes = Math.max(held.bytes, bytes)
    return
  }
  const timer = setTimeout(() => {
    const latest = pending.get(uploadId)
    pending.delete(uploadId)
    if (latest) write(uploadId, latest.bytes, Date.now())
  }, wait)
  timer.unref?.()
  pending.set(uploadId, { bytes, timer })
}

export function forgetUploadLiveness(uploadId: string): void {
  clearTimeout(pending.get(uploadId)?.timer)
  pending.delete(uploadId)
  lastWrite.delete(uploadId)
}
