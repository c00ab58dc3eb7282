// GET /api/insights/conversations?weeks= — the instructor's conversation insights.
import { InsightsQuery } from '#shared/schemas/insights'
import { getConversationInsights } from '../../services/insights/get-conversation-insights'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { weeks } = readQuery(event, InsightsQuery)
  return getConversationInsights({ instructorId: user.id, weeks })
})
