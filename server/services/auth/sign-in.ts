import type { User } from '#auth-utils'
import type { SignInInput } from '#shared/schemas/auth'
import { verifyAgainstDecoy, verifyPassword } from '../../database/passwords'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from './login-throttle'

/** Checks the credentials; one message for a wrong email and a wrong password alike. */
export async function signIn({ input }: { input: SignInInput }): Promise<User> {
  await assertSignInAllowed(input.email)
  const user = await useDb().user.findUnique({ where: { email: input.email } })
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDecoy(input.password)
  if (!user || !valid) {
    await recordFailedSignIn(input.email)
    throw new AppError('UNAUTHENTICATED', 'That email and password do not match an account')
  }
  await clearFailedSignIns(input.email)
  return { id: user.id, email: user.email, name: user.name, role: user.role }
}
