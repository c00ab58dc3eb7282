import { CourseInput } from '#shared/schemas/course'
import { createCourse } from '../../services/course/create-course'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const input = await readInput(event, CourseInput)
  setResponseStatus(event, 201)
  return createCourse({ ownerId: user.id, input })
})
