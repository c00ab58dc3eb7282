// GET /api/media/:id/content — a library file for its owner, with Range support: videos, images,
// PDFs and audio open in the browser; everything else downloads under its name.
import { MediaIdParams } from '#shared/schemas/media'
import { findOwnedMediaFile } from '../../../services/media/find-owned-media-file'
import { AppError } from '../../../utils/errors'
import { asUploadedFile, sendRefusal, sendStoredFile } from '../../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const user = await requireInstructor(event)
    const { id } = readParams(event, MediaIdParams)
    const file = await findOwnedMediaFile({ id, ownerId: user.id })
    if (file.status === 'UPLOADING' || file.status === 'FAILED') throw new AppError('CONFLICT', 'This file is not fully uploaded')
    return await sendStoredFile(event, asUploadedFile({ ...file, fileName: file.originalName }))
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
