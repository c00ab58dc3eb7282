import { CourseIdParams } from '#shared/schemas/course'
import { listStudents } from '../../../services/student/list-students'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  return listStudents({ ownerId: user.id, courseId: id })
})
