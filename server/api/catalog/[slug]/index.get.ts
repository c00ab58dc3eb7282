// GET /api/catalog/:slug — the public course page (owners also see their unpublished courses).
import { CourseSlugParams } from '#shared/schemas/catalog'
import { courseOverview } from '../../../services/catalog/overview'

export default defineApiHandler(async (event) => {
  const { slug } = readParams(event, CourseSlugParams)
  return courseOverview({ slug, user: await userFromHeaders(event.headers) })
})
