// GET /api/students/:id/invitations — the calling instructor's open invitations for one of their students.
import { StudentIdParams } from '#shared/schemas/observer'
import { listInvitations } from '../../../services/invitation/list-invitations'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, StudentIdParams)
  return listInvitations({ instructorId: user.id, studentId: id })
})
