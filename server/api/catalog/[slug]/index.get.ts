// GET /api/catalog/:slug — the public course page (owners also see their unpublished courses).
import { CourseSlugParams } from '#shared/schemas/catalog'
import { getCourseOverview } from '../../../services/catalog/get-course-overview'

export default defineApiHandler(async (event) => {
  const { slug } = readParams(event, CourseSlugParams)
  return getCourseOverview({ slug, user: await userFromHeaders(event.headers) })
})
