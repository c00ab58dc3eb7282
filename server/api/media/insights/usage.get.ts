// GET /api/media/insights/usage?preset=30d | ?preset=custom&from=YYYY-MM-DD&to=YYYY-MM-DD
// The signed-in instructor's library: most-used and never-used files (cleanup candidates).
import { MediaInsightsRangeInput, resolveInsightsRange } from '#shared/schemas/media-insights'
import { getMediaUsage } from '../../../services/insights/get-media-usage'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const range = resolveInsightsRange(readQuery(event, MediaInsightsRangeInput))
  return getMediaUsage({ ownerId: user.id, range })
})
