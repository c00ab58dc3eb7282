// POST /api/catalog/:slug/request-access — a student asks the instructor of a priced course to
// enrol them; answers the conversation where the request now is (idempotent for a day).
import { CourseSlugParams } from '#shared/schemas/catalog'
import { requestAccess } from '../../../services/catalog/request-access'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { slug } = readParams(event, CourseSlugParams)
  return requestAccess({ slug, user })
})
