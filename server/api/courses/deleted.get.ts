import { listDeletedCourses } from '../../services/courses/list-deleted'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  return listDeletedCourses({ ownerId: user.id, retentionDays: lecternConfig().courseRetentionDays })
})
