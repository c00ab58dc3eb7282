// POST /api/conversations/:id/read — the caller has read the conversation up to now.
import { ConversationIdParams } from '#shared/schemas/messages'
import { markRead } from '../../../services/conversations/mark-read'
import { readerOf } from '../../../services/conversations/reader'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, ConversationIdParams)
  return markRead(await readerOf({ conversationId: id, userId: user.id }))
})
