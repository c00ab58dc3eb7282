// GET /api/conversations/:id/messages?before=&limit= — one page, newest first by cursor.
import { ConversationIdParams, MessagePageQuery } from '#shared/schemas/messages'
import { messagePage } from '../../../services/conversations/message-page'
import { readerOf } from '../../../services/conversations/reader'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, ConversationIdParams)
  const query = readQuery(event, MessagePageQuery)
  return messagePage(await readerOf({ conversationId: id, userId: user.id }), query)
})
