// GET /api/conversations/:id/messages?before=|after=|around=&limit= — one page of the stream:
// the newest, older or newer than a cursor, or around a day. The page itself is one SQL
// statement; an internal caller can have that counted (server/utils/query-count.ts), apart from
// the session and access checks before it.
import { ConversationIdParams, MessagePageQuery } from '#shared/schemas/conversation'
import { getMessagePage } from '../../../services/conversation/get-message-page'
import { readerOf } from '../../../services/conversation/conversation-access'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, ConversationIdParams)
  const query = readQuery(event, MessagePageQuery)
  const reader = await readerOf({ conversationId: id, userId: user.id })
  return countedQueries(event, () => getMessagePage(reader, query))
})
