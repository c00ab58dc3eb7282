// An instructor withdraws an invitation not accepted yet: its link stops working at once.
// Someone else's invitation, or one already accepted, is 404 like a missing one.
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { announceInvitationsChanged } from './announce-invitations'

export async function cancelInvitation({ instructorId, studentId, invitationId }: { instructorId: string, studentId: string, invitationId: string }): Promise<{ cancelled: true }> {
  const { count } = await useDb().observerInvitation.deleteMany({ where: { id: invitationId, instructorId, studentId, usedAt: null } })
  if (!count) throw notFound('Invitation')
  await announceInvitationsChanged({ instructorId, studentId })
  return { cancelled: true }
}
