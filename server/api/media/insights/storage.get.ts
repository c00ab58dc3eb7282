// GET /api/media/insights/storage?preset=30d | ?preset=custom&from=YYYY-MM-DD&to=YYYY-MM-DD
// The signed-in instructor's library: bytes and files per kind now, and stored bytes over the range.
import { MediaInsightsRangeInput, resolveInsightsRange } from '#shared/schemas/media-insights'
import { getMediaStorage } from '../../../services/insights/get-media-storage'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const range = resolveInsightsRange(readQuery(event, MediaInsightsRangeInput))
  return getMediaStorage({ ownerId: user.id, range })
})
