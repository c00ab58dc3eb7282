import { listDeletedCourses } from '../../services/course/list-deleted-courses'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  return listDeletedCourses({ ownerId: user.id, retentionDays: lecternConfig().courseRetentionDays })
})
