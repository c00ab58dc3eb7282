// Signs a user out everywhere (or everywhere but one session): their rows go, so their cookies
// stop working on the next request, and their open sockets close on every instance. Password
// change and password reset call this.
import { useDb } from '../../database/db'
import { announceSessionsEnded } from './announce-session'

export async function revokeUserSessions(userId: string, options: { exceptSessionId?: string } = {}): Promise<number> {
  const db = useDb()
  const where = { userId, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) }
  const sessions = await db.session.findMany({ where, select: { id: true } })
  if (!sessions.length) return 0
  const ids = sessions.map(session => session.id)
  const { count } = await db.session.deleteMany({ where: { id: { in: ids } } })
  await announceSessionsEnded(ids)
  return count
}
