import { CourseIdParams } from '#shared/schemas/course'
import { setCourseStatus } from '../../../services/course/set-course-status'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  return setCourseStatus({ ownerId: user.id, id, status: 'PUBLISHED' })
})
