import type { User } from '#auth-utils'
import type { SignUpInput } from '#shared/schemas/auth'
import { Prisma } from '../../generated/prisma/client'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { hashChosenPassword } from './chosen-password'

export async function signUp({ input }: { input: SignUpInput }): Promise<User> {
  const passwordHash = await hashChosenPassword(input.password, 'password')
  try {
    const user = await useDb().user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    })
    return user
  }
  catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new AppError('CONFLICT', 'An account with this email already exists', { fields: { email: ['An account with this email already exists; sign in instead'] } })
    throw error
  }
}
