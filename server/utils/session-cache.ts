// Unsealed sessions, kept by their sealed cookie value. Unsealing costs two PBKDF2 derivations
// and an AES decryption (~1 ms of CPU), and one signed-in page render unseals the same cookie
// several times: the session fetch Nuxt makes while rendering, then every API call of the page.
// The same sealed string always unseals to the same content, so keeping the result changes no
// answer: an entry lives no longer than the seal's own expiry and the session's maximum age
// (after which h3 would refuse it), and at most a few minutes. Whether the session still lives
// (its row: signed out, revoked, expired) and who the user is are still read from the database
// on every request (server/utils/auth.ts), so a kept entry never lets an ended session in.

export interface UnsealedSession { id: string, createdAt: number, data: Record<string, unknown> }

const MAX_ENTRIES = 10_000
const MAX_AGE_MS = 5 * 60_000
const sessions = new Map<string, { expires: number, session: UnsealedSession }>()

/** An iron seal is `Fe26.2*…*expiration*hmacSalt*hmac`: the expiry is its sixth field (ms, or empty). */
function sealExpiry(sealed: string): number {
  const expiration = Number(sealed.split('*')[5])
  return expiration > 0 ? expiration : Number.POSITIVE_INFINITY
}

export function cachedSession(sealed: string, now = Date.now()): UnsealedSession | null {
  const hit = sessions.get(sealed)
  if (!hit) return null
  if (hit.expires <= now) {
    sessions.delete(sealed)
    return null
  }
  // A copy: h3 writes into the session object it is given.
  return structuredClone(hit.session)
}

export function keepSession(sealed: string, session: UnsealedSession, sessionMaxAgeMs: number, now = Date.now()): void {
  if (!session.id) return
  const expires = Math.min(now + MAX_AGE_MS, sealExpiry(sealed), session.createdAt + sessionMaxAgeMs)
  if (expires <= now) return
  sessions.delete(sealed)
  if (sessions.size >= MAX_ENTRIES) sessions.delete(sessions.keys().next().value!)
  sessions.set(sealed, { expires, session: structuredClone(session) })
}
