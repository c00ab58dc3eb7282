import { listCourses } from '../../services/courses/list'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  return listCourses({ ownerId: user.id })
})
