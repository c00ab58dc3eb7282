import { CourseIdParams } from '#shared/schemas/course'
import { getCourse } from '../../services/course/get-course'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  return getCourse({ ownerId: user.id, id })
})
