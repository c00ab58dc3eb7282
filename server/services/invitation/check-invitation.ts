// Before the "set your name and password" form: who invited whom, for which email.
import type { InvitationPreview } from '#shared/types/observer'
import { findUsableInvitation } from './usable-invitation'

export async function checkInvitation({ token }: { token: string }): Promise<InvitationPreview> {
  const invitation = await findUsableInvitation(token)
  return { email: invitation.email, instructorName: invitation.instructor.name, studentName: invitation.student.name, expiresAt: invitation.expiresAt.toISOString() }
}
