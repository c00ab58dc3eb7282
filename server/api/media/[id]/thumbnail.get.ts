// GET /api/media/:id/thumbnail — a library file's preview (videos and images), for its owner.
import { MediaIdParams } from '#shared/schemas/media'
import { findOwnedMediaFile } from '../../../services/media/find-owned-media-file'
import { AppError } from '../../../utils/errors'
import { sendRefusal, sendThumbnail } from '../../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const user = await requireInstructor(event)
    const { id } = readParams(event, MediaIdParams)
    const file = await findOwnedMediaFile({ id, ownerId: user.id })
    if (!file.thumbnailKey) throw new AppError('NOT_FOUND', 'This file has no preview')
    return await sendThumbnail(event, file.thumbnailKey)
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
