// When a session ends: LECTERN_SESSION_IDLE_DAYS after its last use, LECTERN_SESSION_MAX_DAYS
// after sign-in, whichever comes first. Last use is written at most once a minute, so a busy
// session costs one write a minute, not one per request.
import { lecternConfig } from '../../utils/config'

const DAY_MS = 86_400_000
export const LAST_USED_RESOLUTION_MS = 60_000

export function sessionLifetimes() {
  const { sessionIdleDays, sessionMaxDays } = lecternConfig()
  return { idleMs: sessionIdleDays * DAY_MS, maxMs: sessionMaxDays * DAY_MS }
}

export function isSessionLive(session: { lastUsedAt: Date, expiresAt: Date }, now: Date): boolean {
  return session.expiresAt > now && session.lastUsedAt.getTime() + sessionLifetimes().idleMs > now.getTime()
}
