// Time-based one-time codes (RFC 6238) as every authenticator app makes them: SHA-1, 6 digits,
// 30-second steps, through otpauth (a maintained implementation, checked against the RFC's
// vectors) rather than our own HMAC arithmetic.
import { Secret, TOTP } from 'otpauth'

const ISSUER = 'Lectern'
const PERIOD_S = 30

const totp = (secret: string, label = '') => new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) })

/** A new secret: 160 random bits (RFC 4226's recommendation), in base32 as apps take it. */
export const newSecret = (): string => new Secret({ size: 20 }).base32

/** The otpauth:// link an app reads from the QR code: issuer Lectern, labelled with the email. */
export const otpauthUri = (secret: string, email: string): string => totp(secret, email).toString()

/**
 * The time step a code is right for: now, or one step either side (a phone's clock a little off,
 * a code typed as it changed). Null when it is wrong, or when its step is not later than the
 * last one accepted, so each code signs in once.
 */
export function acceptedStep(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now, window: 1 })
  if (delta === null) return null
  const step = Math.floor(now / 1000 / PERIOD_S) + delta
  return lastStep !== null && step <= lastStep ? null : step
}
