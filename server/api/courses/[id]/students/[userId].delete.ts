import { StudentParams } from '#shared/schemas/learning'
import { removeStudent } from '../../../../services/student/remove-student'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id, userId } = readParams(event, StudentParams)
  return removeStudent({ ownerId: user.id, courseId: id, userId })
})
