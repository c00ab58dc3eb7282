// GET /api/insights/conversations?weeks= — the instructor's conversation insights.
import { InsightsQuery } from '#shared/schemas/insights'
import { conversationInsights } from '../../services/insights/conversation-insights'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { weeks } = readQuery(event, InsightsQuery)
  return conversationInsights({ instructorId: user.id, weeks })
})
