import type { User } from '#auth-utils'
import type { SignInInput } from '#shared/schemas/auth'
import { verifyAgainstDecoy, verifyPassword } from '../../database/passwords'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from './sign-in-throttle'
import type { SignInClient } from './sign-in-throttle'

/**
 * Checks the credentials; one message for a wrong email and a wrong password alike. `twoStep`:
 * the password was right and a code must follow (server/api/auth/two-step.post.ts); the failed
 * tries are then cleared only once the code is right, so guessing codes slows down as guessing
 * passwords does.
 */
export async function signIn({ input, client }: { input: SignInInput, client: SignInClient }): Promise<{ user: User, twoStep: boolean }> {
  const user = await useDb().user.findUnique({ where: { email: input.email } })
  const { trusted } = await assertSignInAllowed(input.email, user?.id ?? null, client)
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDecoy(input.password)
  if (!user || !valid) {
    await recordFailedSignIn(input.email, client, trusted)
    throw new AppError('UNAUTHENTICATED', 'That email and password do not match an account')
  }
  const twoStep = !!user.twoStepEnabledAt
  if (!trusted && !twoStep) await clearFailedSignIns(input.email)
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, twoStep }
}
