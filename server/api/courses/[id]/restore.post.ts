import { CourseIdParams } from '#shared/schemas/course'
import { restoreCourse } from '../../../services/course/restore-course'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  return restoreCourse({ ownerId: user.id, id })
})
