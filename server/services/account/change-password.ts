// A new password, proven by the current one. Every other signed-in device is signed out (whoever
// else knew the old password loses access); the device that changed it stays signed in. The owner
// gets a mail about it, in case it was not them (OWASP ASVS 2.2.3).
import type { ChangePasswordInput } from '#shared/schemas/account'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { accountNoticeMail } from '../../mail/templates'
import { sendMail } from '../../mail/transport'
import { revokeUserSessions } from '../session/revoke-sessions'
import { hashChosenPassword } from '../auth/chosen-password'
import { assertCurrentPassword } from './current-password'

export async function changePassword({ userId, sessionId, input, accountLink }: { userId: string, sessionId: string, input: ChangePasswordInput, accountLink: string }): Promise<{ signedOutSessions: number }> {
  const db = useDb()
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, email: true } })
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  await assertCurrentPassword(user.passwordHash, input.currentPassword)
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashChosenPassword(input.newPassword, 'newPassword') } })
  const signedOutSessions = await revokeUserSessions(userId, { exceptSessionId: sessionId })
  void sendMail(accountNoticeMail({ to: user.email, change: 'password-changed', link: accountLink }))
  return { signedOutSessions }
}
