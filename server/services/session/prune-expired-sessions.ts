import { useDb } from '../../database/db'
import { sessionLifetimes } from './session-lifetime'

/** Housekeeping for the periodic task: rows of sessions that ran out (they already let no one in). */
export async function pruneExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await useDb().session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastUsedAt: { lte: new Date(now.getTime() - sessionLifetimes().idleMs) } }] },
  })
  return count
}
