// Sets a new password through a reset link: the link is used up, the password changes, the other
// unused links of the account die, and every session of the account is signed out (whoever
// had the old password is out too). The person then signs in with the new password.
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { revokeUserSessions } from '../session/revoke-sessions'
import { hashChosenPassword } from '../auth/chosen-password'
import { findUsableReset } from './usable-reset'

export async function resetPassword({ token, password }: { token: string, password: string }): Promise<{ email: string }> {
  const db = useDb()
  const reset = await findUsableReset(token)
  const passwordHash = await hashChosenPassword(password, 'password')
  const now = new Date()
  const done = await db.$transaction(async (tx) => {
    // The conditional update is the single use: of two requests with one link, one wins.
    const { count } = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
    if (!count) return false
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } })
    await tx.passwordReset.deleteMany({ where: { userId: reset.userId, usedAt: null } })
    return true
  })
  if (!done) throw new AppError('UNPROCESSABLE', 'This reset link was already used. Ask for a new one if you need it.', { details: { reason: 'used' } })
  await revokeUserSessions(reset.userId)
  return { email: reset.user.email }
}
