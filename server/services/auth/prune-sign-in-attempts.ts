import { useDb } from '../../database/db'
import { SIGN_IN_WINDOW_MS } from './login-throttle'

/** Housekeeping for the periodic task: failures older than the window count for nothing. */
export async function pruneSignInAttempts(now = new Date()): Promise<number> {
  const { count } = await useDb().loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } } })
  return count
}
