// POST /api/students/:id/invitations/:invitationId/resend — a new mail with a new link and expiry.
import { StudentInvitationParams } from '#shared/schemas/invitation'
import { siteLink } from '../../../../../mail/links'
import { resendInvitation } from '../../../../../services/invitation/resend-invitation'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id, invitationId } = readParams(event, StudentInvitationParams)
  return resendInvitation({ instructorId: user.id, studentId: id, invitationId, linkFor: token => siteLink(event, '/invitation', { token }) })
})
