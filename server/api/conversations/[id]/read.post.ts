// POST /api/conversations/:id/read — the caller has read the conversation up to now.
import { ConversationIdParams } from '#shared/schemas/conversation'
import { markConversationRead } from '../../../services/conversation/mark-conversation-read'
import { readerOf } from '../../../services/conversation/conversation-access'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, ConversationIdParams)
  return markConversationRead(await readerOf({ conversationId: id, userId: user.id }))
})
