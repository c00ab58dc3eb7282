// Refuses sign-in for an email after too many failures in a sliding window (default: 10 in 10
// minutes), whatever the password, so guessing is slow even from many addresses.
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'

export const MAX_FAILED_SIGN_INS = 10
export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000

export async function assertSignInAllowed(email: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS)
  const failures = await useDb().loginAttempt.findMany({
    where: { email, createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    take: MAX_FAILED_SIGN_INS,
    select: { createdAt: true },
  })
  if (failures.length < MAX_FAILED_SIGN_INS) return
  // Allowed again once the oldest of the last N failures leaves the window.
  const oldest = failures[failures.length - 1]!.createdAt.getTime()
  const retryAfter = Math.max(1, Math.ceil((oldest + SIGN_IN_WINDOW_MS - now.getTime()) / 1000))
  const minutes = Math.ceil(retryAfter / 60)
  throw new AppError('RATE_LIMITED', `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, { details: { retryAfter } })
}

export async function recordFailedSignIn(email: string): Promise<void> {
  await useDb().loginAttempt.create({ data: { email } })
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await useDb().loginAttempt.deleteMany({ where: { email } })
}
