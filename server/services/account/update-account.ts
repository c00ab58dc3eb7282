// The account page's profile form: a new name and/or email. A new email needs the current
// password (the reset mail goes to the email, so changing it is as sensitive as the password);
// an email another account has is a field error, and nothing is written.
import type { User } from '#auth-utils'
import type { UpdateAccountInput } from '#shared/schemas/account'
import { Prisma } from '../../generated/prisma/client'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { assertCurrentPassword } from './current-password'

async function requireCurrentPassword(userId: string, currentPassword: string | undefined) {
  const user = await useDb().user.findUnique({ where: { id: userId }, select: { passwordHash: true } })
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  if (!currentPassword)
    throw new AppError('VALIDATION', 'Enter your current password to change your email', { fields: { currentPassword: ['Enter your current password to change your email'] } })
  await assertCurrentPassword(user.passwordHash, currentPassword)
}

export async function updateAccount({ user, input }: { user: User, input: UpdateAccountInput }): Promise<User> {
  if (input.email !== user.email) await requireCurrentPassword(user.id, input.currentPassword)
  try {
    return await useDb().user.update({
      where: { id: user.id },
      data: { name: input.name, email: input.email },
      select: { id: true, email: true, name: true, role: true },
    })
  }
  catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new AppError('CONFLICT', 'Another account uses this email', { fields: { email: ['Another account uses this email'] } })
    throw error
  }
}
