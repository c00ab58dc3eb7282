// GET /api/conversations — the caller's conversations (and those they observe), newest first.
import { listConversations } from '../../services/conversation/list-conversations'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  return listConversations({ userId: user.id })
})
