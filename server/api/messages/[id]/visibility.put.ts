// PUT /api/messages/:id/visibility { access, grantedTo } — the instructor sets a message's access
// and its explicit grants as a whole (idempotent: the same body twice is the same state).
import { MessageIdParams, SetMessageVisibilityInput } from '#shared/schemas/observer'
import { setMessageVisibility } from '../../../services/conversation/set-message-visibility'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, MessageIdParams)
  const input = await readInput(event, SetMessageVisibilityInput)
  return setMessageVisibility({ userId: user.id, messageId: id, ...input })
})
