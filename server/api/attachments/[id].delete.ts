// DELETE /api/attachments/:id — removes one of my attachments that is not sent yet (from the
// composer): a running upload stops, its bytes and rows go. A sent attachment stays with its message.
import { AttachmentIdParams } from '#shared/schemas/conversation'
import { removeUnsentAttachment } from '../../services/conversation/remove-unsent-attachment'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = readParams(event, AttachmentIdParams)
  return removeUnsentAttachment({ attachmentId: id, userId: user.id })
})
