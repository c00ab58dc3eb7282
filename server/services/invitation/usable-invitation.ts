// The invitation behind a link's token, if it can still be accepted. Unknown, used, expired, or
// for an email that meanwhile got an account: refused with what to do next; nothing is written.
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { hashLinkToken } from '../../mail/tokens'

export async function findUsableInvitation(token: string) {
  const db = useDb()
  const invitation = await db.observerInvitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true, email: true, studentId: true, instructorId: true, expiresAt: true, usedAt: true,
      student: { select: { name: true } },
      instructor: { select: { name: true } },
    },
  })
  if (!invitation) throw new AppError('NOT_FOUND', 'This invitation link is not valid. It may have been replaced by a newer mail or withdrawn.', { details: { reason: 'unknown' } })
  if (invitation.usedAt) throw new AppError('UNPROCESSABLE', 'This invitation was already accepted. Sign in with the account it made.', { details: { reason: 'used' } })
  if (invitation.expiresAt <= new Date()) throw new AppError('UNPROCESSABLE', `This invitation has expired. Ask ${invitation.instructor.name} to send it again.`, { details: { reason: 'expired' } })
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { role: true } })
  if (account) {
    throw new AppError('CONFLICT', account.role === 'OBSERVER'
      ? `${invitation.email} already has an observer account. Sign in, and ask ${invitation.instructor.name} to link it.`
      : `${invitation.email} already belongs to a Lectern account that is not an observer account, so this invitation cannot be accepted.`, { details: { reason: 'account-exists' } })
  }
  return invitation
}
