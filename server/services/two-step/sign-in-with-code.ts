// The second step of signing in, for the account whose password was right a moment ago. A wrong
// code counts as a failed sign-in (the same throttle as passwords, server/services/auth/sign-in-throttle.ts:
// a guesser who knows the password still waits longer after each miss); the failures are cleared
// only once the code is right. A recovery code used tells the owner by mail, with how many are left.
import type { User } from '#auth-utils'
import { useDb } from '../../database/db'
import { accountNoticeMail } from '../../mail/templates'
import { sendMail } from '../../mail/transport'
import { AppError } from '../../utils/errors'
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from '../auth/sign-in-throttle'
import type { SignInClient } from '../auth/sign-in-throttle'
import { checkSignInCode } from './check-sign-in-code'

export async function signInWithCode({ userId, code, client, accountLink }: { userId: string | null, code: string, client: SignInClient, accountLink: string }): Promise<User> {
  const user = userId ? await useDb().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, twoStepEnabledAt: true, twoStepSecret: true, twoStepLastStep: true } }) : null
  if (!user?.twoStepEnabledAt) throw new AppError('UNAUTHENTICATED', 'Sign in again: the code has to follow the password within a few minutes')
  const { trusted } = await assertSignInAllowed(user.email, user.id, client)
  const used = await checkSignInCode(user, code)
  if (!used) {
    await recordFailedSignIn(user.email, client, trusted)
    throw new AppError('VALIDATION', 'That code is not right', { fields: { code: ['That code is not right, or was used already. Enter the code your app shows now.'] } })
  }
  if (!trusted) await clearFailedSignIns(user.email)
  if (used === 'recovery') {
    const recoveryCodesLeft = await useDb().recoveryCode.count({ where: { userId: user.id, usedAt: null } })
    void sendMail(accountNoticeMail({ to: user.email, change: 'recovery-code-used', link: accountLink, recoveryCodesLeft }))
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role }
}
