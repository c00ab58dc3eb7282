import { CourseIdParams } from '#shared/schemas/course'
import { listCourseMedia } from '../../../services/media-library/course-media'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  return listCourseMedia({ ownerId: user.id, courseId: id })
})
