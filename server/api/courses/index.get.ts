import { listCourses } from '../../services/course/list-courses'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  return listCourses({ ownerId: user.id })
})
