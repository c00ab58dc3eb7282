// DELETE /api/students/:id/invitations/:invitationId — withdraw an invitation (its link stops working).
import { StudentInvitationParams } from '#shared/schemas/invitation'
import { cancelInvitation } from '../../../../services/invitation/cancel-invitation'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id, invitationId } = readParams(event, StudentInvitationParams)
  return cancelInvitation({ instructorId: user.id, studentId: id, invitationId })
})
