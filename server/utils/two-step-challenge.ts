// Between the two steps of signing in: the password was right, the code is still to come. A
// cookie names the account and when the step expires, signed (HMAC with the session password,
// as the device cookie is) so it cannot be made up or moved to another account. It is not a
// session: it opens nothing but the code form (POST /api/auth/two-step), whose tries are
// throttled like passwords. It lives only under /api/auth and for a few minutes.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { H3Event } from 'h3'
import { TWO_STEP_CHALLENGE_MINUTES } from '#shared/schemas/two-step'
import { lecternConfig } from './config'
import { fromTrustedProxy } from '../limits/client-address'

const CHALLENGE_COOKIE = 'lectern-two-step'
const PATH = '/api/auth'

const sign = (payload: string) => createHmac('sha256', `two-step-challenge:${lecternConfig().sessionPassword}`).update(payload).digest('base64url')

export function startTwoStepChallenge(event: H3Event, userId: string): void {
  const payload = `${userId}.${Date.now() + TWO_STEP_CHALLENGE_MINUTES * 60_000}`
  setCookie(event, CHALLENGE_COOKIE, `${payload}.${sign(payload)}`, {
    httpOnly: true,
    sameSite: 'strict',
    secure: getRequestProtocol(event, { xForwardedProto: fromTrustedProxy(event) }) === 'https',
    path: PATH,
    maxAge: TWO_STEP_CHALLENGE_MINUTES * 60,
  })
}

/** The account whose password was right a moment ago, or null (none, expired, edited, forged). */
export function twoStepChallengeUser(event: H3Event): string | null {
  const [userId, expires, signature] = (getCookie(event, CHALLENGE_COOKIE) ?? '').split('.')
  if (!userId || !expires || !signature) return null
  const expected = Buffer.from(sign(`${userId}.${expires}`))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return Number(expires) > Date.now() ? userId : null
}

export function endTwoStepChallenge(event: H3Event): void {
  deleteCookie(event, CHALLENGE_COOKIE, { path: PATH })
}
