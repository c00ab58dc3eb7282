import { timingSafeEqual } from 'node:crypto'
import type { H3Event } from 'h3'
import { AppError } from './errors'
import { lecternConfig } from './config'

/** Does the request carry `Authorization: Bearer $LECTERN_INTERNAL_TOKEN`? */
export function hasInternalToken(event: H3Event): boolean {
  const expected = lecternConfig().internalToken
  const given = (getRequestHeader(event, 'authorization') ?? '').replace(/^Bearer\s+/i, '')
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  // Compared in constant time so the token cannot be guessed byte by byte from response times.
  return !!expected && a.length === b.length && timingSafeEqual(a, b)
}

/** Internal endpoints (workers, scripts, ops) take `Authorization: Bearer $LECTERN_INTERNAL_TOKEN`. */
export function requireInternalToken(event: H3Event): void {
  if (!hasInternalToken(event)) throw new AppError('UNAUTHENTICATED', 'A valid internal token is required')
}
