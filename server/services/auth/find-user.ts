// The account behind a session, read afresh on every request so a deleted account or a changed
// role takes effect at once, not when the cookie expires (server/utils/auth.ts asks).
import type { User } from '#auth-utils'
import { useDb } from '../../database/db'

export async function findUser(id: string): Promise<User | null> {
  return useDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } })
}
