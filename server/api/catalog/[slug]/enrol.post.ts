// POST /api/catalog/:slug/enrol — enrol yourself in a free, published course (idempotent).
import { CourseSlugParams } from '#shared/schemas/catalog'
import { selfEnrol } from '../../../services/catalog/self-enrol'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { slug } = readParams(event, CourseSlugParams)
  return selfEnrol({ slug, userId: user.id })
})
