import { CourseIdParams } from '#shared/schemas/course'
import { softDeleteCourse } from '../../services/course/soft-delete-course'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  return softDeleteCourse({ ownerId: user.id, id, retentionDays: lecternConfig().courseRetentionDays })
})
