// GET /api/media/insights/uploads?preset=30d | ?preset=custom&from=YYYY-MM-DD&to=YYYY-MM-DD
// The signed-in instructor's library: uploads per bucket and kind.
import { MediaInsightsRangeInput, resolveInsightsRange } from '#shared/schemas/media-insights'
import { getMediaUploads } from '../../../services/insights/get-media-uploads'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const range = resolveInsightsRange(readQuery(event, MediaInsightsRangeInput))
  return getMediaUploads({ ownerId: user.id, range })
})
