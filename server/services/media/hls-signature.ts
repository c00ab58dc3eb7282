// Signed addresses of an HLS ladder's playlists and segments. The master playlist is handed out
// only after the lesson's access check (sign-hls-master.ts); every address in it, and in the
// rendition playlists it leads to, carries an expiry and an HMAC of the object's key and that
// expiry. So the signature alone opens one object until it expires: no cookie is needed, a CDN
// can cache the answer as long as it is valid, and no address reaches another lesson's files.
// Expiries are rounded up to the hour, so everyone watching a lesson in the same hour asks for the
// same addresses (one cached copy each).
import { createHmac, timingSafeEqual } from 'node:crypto'
import { lecternConfig } from '../../utils/config'

const HOUR = 3600
let derived: Buffer | undefined

function secret(): string | Buffer {
  const { hlsSigningSecret, sessionPassword } = lecternConfig()
  if (hlsSigningSecret) return hlsSigningSecret
  // Its own key, not the session password itself: a signature never says anything about that.
  derived ??= createHmac('sha256', sessionPassword).update('lectern hls addresses').digest()
  return derived
}

const signatureOf = (key: string, expires: number) => createHmac('sha256', secret()).update(`${key}\n${expires}`).digest('base64url')

/** When addresses signed now stop working (seconds since the epoch). */
export function hlsExpiry(now = Date.now()): number {
  return Math.ceil((now / 1000 + lecternConfig().hlsUrlSeconds) / HOUR) * HOUR
}

export function signedHlsUrl(key: string, expires: number): string {
  return `/api/hls/${key}?expires=${expires}&signature=${signatureOf(key, expires)}`
}

export function checkHlsSignature({ key, expires, signature }: { key: string, expires: number, signature: string }, now = Date.now()): 'valid' | 'expired' | 'wrong' {
  const expected = Buffer.from(signatureOf(key, expires))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'wrong'
  return expires * 1000 <= now ? 'expired' : 'valid'
}
