// GET /api/attachments/:id/thumbnail — an image's or video's preview (≤ 480 px wide), loaded
// lazily by the stream; same access as the file.
import { AttachmentIdParams } from '#shared/schemas/conversation'
import { findReadableAttachment } from '../../../services/conversation/attachment-access'
import { AppError } from '../../../utils/errors'
import { sendRefusal, sendThumbnail } from '../../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const user = await requireUser(event)
    const { id } = readParams(event, AttachmentIdParams)
    const file = await findReadableAttachment({ attachmentId: id, userId: user.id })
    if (!file.thumbnailKey) throw new AppError('NOT_FOUND', 'This file has no preview')
    return await sendThumbnail(event, file.thumbnailKey)
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
