// The invited person sets their name and password: an OBSERVER account for the invited email,
// linked to the student of this invitation and of every other open invitation to the same email
// (each instructor asked for it), all of them used up at once. The route then signs them in and
// sends them to the pair's conversation.
import type { User } from '#auth-utils'
import type { AcceptedInvitation } from '#shared/types/observer'
import { Prisma } from '../../generated/prisma/client'
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { announceObserverLinked } from '../observer/announce-observers'
import { hashChosenPassword } from '../auth/chosen-password'
import { findUsableInvitation } from './usable-invitation'

const alreadyUsed = () => new AppError('UNPROCESSABLE', 'This invitation was already accepted. Sign in with the account it made.', { details: { reason: 'used' } })

export async function acceptInvitation({ token, name, password }: { token: string, name: string, password: string }): Promise<AcceptedInvitation & { user: User }> {
  const db = useDb()
  const invitation = await findUsableInvitation(token)
  const passwordHash = await hashChosenPassword(password, 'password')
  const now = new Date()
  let created
  try {
    created = await db.$transaction(async (tx) => {
      // The conditional update is the single use: of two requests with one link, one wins.
      const { count } = await tx.observerInvitation.updateMany({ where: { id: invitation.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
      if (!count) throw alreadyUsed()
      const user = await tx.user.create({ data: { email: invitation.email, name, role: 'OBSERVER', passwordHash }, select: { id: true, email: true, name: true, role: true } })
      const others = await tx.observerInvitation.findMany({ where: { email: invitation.email, usedAt: null, expiresAt: { gt: now } }, select: { id: true, studentId: true, instructorId: true } })
      const pairs = [{ studentId: invitation.studentId, instructorId: invitation.instructorId }, ...others]
      await tx.observerLink.createMany({ data: pairs.map(pair => ({ observerId: user.id, ...pair })), skipDuplicates: true })
      if (others.length) await tx.observerInvitation.updateMany({ where: { id: { in: others.map(o => o.id) } }, data: { usedAt: now } })
      return { user, pairs }
    })
  }
  catch (error) {
    // Someone signed up with this email between the check and now.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new AppError('CONFLICT', `${invitation.email} already has a Lectern account, so this invitation cannot be accepted.`, { details: { reason: 'account-exists' } })
    throw error
  }

  const conversations = await db.conversation.findMany({
    where: { OR: created.pairs },
    select: { id: true, studentId: true, instructorId: true, lastMessageAt: true, createdAt: true },
  })
  const conversationOf = (pair: { studentId: string, instructorId: string }) => conversations.find(c => c.studentId === pair.studentId && c.instructorId === pair.instructorId) ?? null
  await Promise.all(created.pairs.map(pair => announceObserverLinked({ ...pair, observerId: created.user.id, conversation: conversationOf(pair) })))
  return {
    user: { ...created.user, role: 'OBSERVER' },
    conversationId: conversationOf(invitation)?.id ?? null,
  }
}
