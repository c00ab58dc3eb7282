// Ends one of the user's own sessions (sign-out, a new sign-in over it, or "Sign out" on a device
// in the account page): the row goes and its sockets close on every instance. False when the
// user has no such session (someone else's id included).
import { useDb } from '../../database/db'
import { announceSessionsEnded } from './announce-session'

export async function revokeSession({ userId, sessionId }: { userId: string, sessionId: string }): Promise<boolean> {
  const { count } = await useDb().session.deleteMany({ where: { id: sessionId, userId } })
  if (count) await announceSessionsEnded([sessionId])
  return count > 0
}
