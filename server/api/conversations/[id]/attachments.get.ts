// GET /api/conversations/:id/attachments — my files uploaded into this conversation and not sent
// yet (the composer's attachments, so they survive a reload), oldest first, with bytes received.
import { ConversationIdParams } from '#shared/schemas/conversation'
import { readerOf } from '../../../services/conversation/conversation-access'
import { listUnsentAttachments } from '../../../services/conversation/list-unsent-attachments'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, ConversationIdParams)
  const reader = await readerOf({ conversationId: id, userId: user.id })
  return reader.role === 'participant' ? listUnsentAttachments({ conversationId: id, userId: user.id }) : []
})
