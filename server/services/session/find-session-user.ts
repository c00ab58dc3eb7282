// The account behind a session id, read on every authenticated request (pages, API, uploads,
// sockets): one primary-key read that joins the user, so a signed-out, expired or revoked
// session, a deleted account and a changed role all take effect at once, on every instance.
import type { User } from '#auth-utils'
import { useDb } from '../../database/db'
import { LAST_USED_RESOLUTION_MS, isSessionLive } from './session-lifetime'

interface Row {
  sessionRole: User['role']
  lastUsedAt: Date
  expiresAt: Date
  id: string
  email: string
  name: string
  role: User['role']
}

export async function findSessionUser({ sessionId, now = new Date() }: { sessionId: string, now?: Date }): Promise<User | null> {
  const db = useDb()
  const [row] = await db.$queryRaw<Row[]>`
    SELECT s.role::text AS "sessionRole", s."lastUsedAt", s."expiresAt", u.id, u.email, u.name, u.role::text AS role
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}`
  if (!row) return null
  // A session granted for another role (an instructor made a student) is over: sign in again.
  if (!isSessionLive(row, now) || row.sessionRole !== row.role) {
    await db.session.deleteMany({ where: { id: sessionId } })
    return null
  }
  if (now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so parallel requests of one page write once.
    await db.session.updateMany({
      where: { id: sessionId, lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } },
      data: { lastUsedAt: now },
    })
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role }
}
