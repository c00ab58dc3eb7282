// GET /api/courses/:id/files — a course's Files tab: the library files used in the course, by place.
import { CourseIdParams } from '#shared/schemas/course'
import { listCourseFiles } from '../../../services/course-files/list-course-files'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  return listCourseFiles({ ownerId: user.id, courseId: id })
})
