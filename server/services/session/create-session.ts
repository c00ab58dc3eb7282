// Sign-in and sign-up start a new session row; the sealed cookie carries its id. A new row each
// time (never the id a request came with), so a cookie value from before the sign-in never
// becomes a signed-in one.
import type { User } from '#auth-utils'
import { useDb } from '../../database/db'
import { deviceLabel } from './device-label'
import { sessionLifetimes } from './session-lifetime'

export async function createSession({ user, userAgent, now = new Date() }: { user: User, userAgent: string | undefined, now?: Date }): Promise<{ id: string, expiresAt: Date }> {
  const { idleMs, maxMs } = sessionLifetimes()
  const db = useDb()
  // The user's sessions that ran out go now, so their device list holds live ones only.
  await db.session.deleteMany({
    where: { userId: user.id, OR: [{ expiresAt: { lte: now } }, { lastUsedAt: { lte: new Date(now.getTime() - idleMs) } }] },
  })
  return db.session.create({
    data: { userId: user.id, role: user.role, lastUsedAt: now, expiresAt: new Date(now.getTime() + maxMs), deviceLabel: deviceLabel(userAgent) },
    select: { id: true, expiresAt: true },
  })
}
