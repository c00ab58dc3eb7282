// GET /api/media/insights/performance?preset=30d | ?preset=custom&from=YYYY-MM-DD&to=YYYY-MM-DD
// The signed-in instructor's library: views and completions of the lessons using each video file.
import { MediaInsightsRangeInput, resolveInsightsRange } from '#shared/schemas/media-insights'
import { getMediaPerformance } from '../../../services/insights/get-media-performance'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const range = resolveInsightsRange(readQuery(event, MediaInsightsRangeInput))
  return getMediaPerformance({ ownerId: user.id, range })
})
