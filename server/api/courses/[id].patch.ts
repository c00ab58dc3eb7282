import { CourseIdParams, CourseUpdateInput } from '#shared/schemas/course'
import { updateCourse } from '../../services/course/update-course'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  const input = await readInput(event, CourseUpdateInput)
  return updateCourse({ ownerId: user.id, id, input })
})
