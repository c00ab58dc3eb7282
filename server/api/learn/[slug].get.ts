// GET /api/learn/:slug — the watch page of a course the caller is enrolled in (404 otherwise).
import { CourseSlugParams } from '#shared/schemas/catalog'
import { getLearningCourse } from '../../services/learning/get-learning-course'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { slug } = readParams(event, CourseSlugParams)
  return getLearningCourse({ slug, userId: user.id })
})
