// GET /api/messages/:id/visibility — who besides the pair may read a message (its instructor only).
import { MessageIdParams } from '#shared/schemas/observers'
import { messageVisibility } from '../../../services/conversations/visibility'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, MessageIdParams)
  return messageVisibility({ userId: user.id, messageId: id })
})
