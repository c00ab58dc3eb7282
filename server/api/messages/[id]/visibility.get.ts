// GET /api/messages/:id/visibility — who besides the pair may read a message (its instructor only).
import { MessageIdParams } from '#shared/schemas/observer'
import { getMessageVisibility } from '../../../services/conversation/get-message-visibility'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, MessageIdParams)
  return getMessageVisibility({ userId: user.id, messageId: id })
})
