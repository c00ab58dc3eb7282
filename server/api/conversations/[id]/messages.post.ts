// POST /api/conversations/:id/messages — send (idempotent by clientKey: 201 new, 200 repeat).
import { ConversationIdParams, SendMessageInput } from '#shared/schemas/messages'
import { readerOf } from '../../../services/conversations/reader'
import { sendMessage } from '../../../services/conversations/send'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, ConversationIdParams)
  const input = await readInput(event, SendMessageInput)
  const { message, created } = await sendMessage(await readerOf({ conversationId: id, userId: user.id }), input)
  setResponseStatus(event, created ? 201 : 200)
  return message
})
