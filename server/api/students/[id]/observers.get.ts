// GET /api/students/:id/observers — the observers the calling instructor linked to one of their students.
import { StudentIdParams } from '#shared/schemas/observer'
import { listObservers } from '../../../services/observer/list-observers'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, StudentIdParams)
  return listObservers({ instructorId: user.id, studentId: id })
})
