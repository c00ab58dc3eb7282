// Verdicts of the upload ownership check, kept a few seconds per (session cookie, upload). The
// check runs before every tus request, so before every chunk: unsealing the session and reading
// the media row added ~2 ms of latency to each 8 MiB PATCH (the body waits for it), which was the
// gap to a bare @tus/server (bench/upload.bench.ts). With a verdict at hand a chunk goes straight
// to tus.
//
// Only "this session's user owns this upload" is kept, never a refusal, and the key is the sealed
// session cookie itself, so another user, a signed-out client or a forged cookie is checked in
// full every time. A session that ends (sign-out, revoked: server/realtime/bus.ts) drops its
// verdicts on every instance at once. What a kept verdict can still miss is bounded by
// OWNERSHIP_TTL_MS: a session that ran out of time may go on sending chunks of an upload it owned
// for at most that long after the last full check.
import { EVENTS } from '@tus/utils'
import type { Server } from '@tus/server'

export const OWNERSHIP_TTL_MS = 5_000
/** Uploads in flight at once are few; the oldest verdicts go first past this. */
const MAX_ENTRIES = 1_000

const verdicts = new Map<string, { uploadId: string, sessionId: string, expires: number }>()
const keyOf = (session: string, uploadId: string) => `${uploadId}\n${session}`

export function knownOwner(session: string, uploadId: string, now = Date.now()): boolean {
  const key = keyOf(session, uploadId)
  const verdict = verdicts.get(key)
  if (!verdict) return false
  if (verdict.expires > now) return true
  verdicts.delete(key)
  return false
}

export function rememberOwner(session: string, uploadId: string, sessionId: string, now = Date.now()): void {
  const key = keyOf(session, uploadId)
  verdicts.delete(key)
  if (verdicts.size >= MAX_ENTRIES) verdicts.delete(verdicts.keys().next().value!)
  verdicts.set(key, { uploadId, sessionId, expires: now + OWNERSHIP_TTL_MS })
}

/** A session ended: its chunks are checked in full again (and refused). */
export function forgetSessionOwnership(sessionId: string): void {
  for (const [key, verdict] of verdicts) if (verdict.sessionId === sessionId) verdicts.delete(key)
}

/** An upload that finished, was cancelled or was refused: no session may skip its check any more. */
export function forgetUploadOwnership(uploadId: string): void {
  for (const [key, verdict] of verdicts) if (verdict.uploadId === uploadId) verdicts.delete(key)
}

/** Forgets an upload's verdicts when tus finishes or terminates it. */
export function forgetOwnershipWhenUploadsEnd(server: Server): void {
  server.on(EVENTS.POST_FINISH, (_req, _res, upload) => forgetUploadOwnership(upload.id))
  server.on(EVENTS.POST_TERMINATE, (_req, _res, id) => forgetUploadOwnership(id))
}
