// POST /api/conversations/:id/messages — send (idempotent by clientKey: 201 new, 200 repeat).
// An internal caller can have the send's SQL statements counted (server/utils/query-count.ts).
import { ConversationIdParams, SendMessageInput } from '#shared/schemas/conversation'
import { readerOf } from '../../../services/conversation/conversation-access'
import { sendMessage } from '../../../services/conversation/send-message'
import { enforceLimit } from '../../../limits/enforce-limit'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, ConversationIdParams)
  const input = await readInput(event, SendMessageInput)
  await enforceLimit('messages', user.id, 'You are sending messages faster than Lectern accepts')
  const reader = await readerOf({ conversationId: id, userId: user.id })
  const { message, created } = await countedQueries(event, () => sendMessage(reader, input))
  setResponseStatus(event, created ? 201 : 200)
  return message
})
