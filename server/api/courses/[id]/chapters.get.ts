import { CourseIdParams } from '#shared/schemas/course'
import { listOutline } from '../../../services/outline/list-outline'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  return listOutline({ ownerId: user.id, courseId: id })
})
