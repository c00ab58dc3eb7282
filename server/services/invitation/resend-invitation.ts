// "Resend": a new link (and expiry) for an invitation not accepted yet; the previous mail's link
// stops working. Someone else's invitation is 404 like a missing one.
import type { InvitationRow } from '#shared/types/observer'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { ownStudent } from '../observer/student-access'
import { sendInvitation } from './send-invitation'

export async function resendInvitation({ instructorId, studentId, invitationId, linkFor }: { instructorId: string, studentId: string, invitationId: string, linkFor: (token: string) => string }): Promise<InvitationRow> {
  const invitation = await useDb().observerInvitation.findFirst({ where: { id: invitationId, instructorId, studentId, usedAt: null }, select: { email: true } })
  if (!invitation) throw notFound('Invitation')
  const student = await ownStudent({ instructorId, studentId })
  return sendInvitation({ instructorId, student, email: invitation.email, linkFor })
}
