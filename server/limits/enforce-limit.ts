// One call per limited action: count this try against the subject's window (an address, a user,
// an account) and refuse with RATE_LIMITED (429, Retry-After, the envelope) once it is past the
// configured count. The limits and their defaults are in server/utils/config.ts (`limits`).
import { AppError } from '../utils/errors'
import { lecternConfig } from '../utils/config'
import type { RateLimit } from '../utils/config'
import { useCounters } from './counters'

export type LimitName = keyof ReturnType<typeof lecternConfig>['limits']

/** Seconds until `resetAt`, at least one (a Retry-After of 0 invites a tight loop). */
export const secondsUntil = (resetAt: number, now = Date.now()) => Math.max(1, Math.ceil((resetAt - now) / 1000))

function inWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** The refusal itself: "<what>. Try again in 3 minutes." with `retryAfter` seconds in its details. */
export function tooMany(what: string, resetAt: number): AppError {
  const retryAfter = secondsUntil(resetAt)
  return new AppError('RATE_LIMITED', `${what}. Try again in ${inWords(retryAfter)}.`, { details: { retryAfter } })
}

export async function enforceLimit(name: LimitName, subject: string, what: string, limit: RateLimit = lecternConfig().limits[name]): Promise<void> {
  const { count, resetAt } = await useCounters().hit(`${name}:${subject}`, limit.windowMs)
  if (count > limit.max) throw tooMany(what, resetAt)
}
