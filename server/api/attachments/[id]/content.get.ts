// GET /api/attachments/:id/content — the file itself, with Range support. Images, PDFs, audio and
// video open in the browser; documents download under their name. Only fully received files.
import { AttachmentIdParams } from '#shared/schemas/conversation'
import { findReadableAttachment } from '../../../services/conversation/attachment-access'
import { AppError } from '../../../utils/errors'
import { asUploadedFile, sendRefusal, sendStoredFile } from '../../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const user = await requireUser(event)
    const { id } = readParams(event, AttachmentIdParams)
    const file = await findReadableAttachment({ attachmentId: id, userId: user.id })
    if (file.status === 'UPLOADING') throw new AppError('CONFLICT', 'This file is still uploading')
    if (file.status === 'FAILED') throw new AppError('NOT_FOUND', 'This file could not be stored')
    return await sendStoredFile(event, asUploadedFile(file))
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
