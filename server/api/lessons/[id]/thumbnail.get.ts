// A lesson's poster frame (made by the processing worker), under the same access rule as its video.
import { LessonIdParams } from '#shared/schemas/outline'
import { findStreamableVideo } from '../../../services/media/find-streamable-video'
import { AppError } from '../../../utils/errors'
import { sendRefusal, sendThumbnail } from '../../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const { id } = readParams(event, LessonIdParams)
    const video = await findStreamableVideo({ lessonId: id, user: await userFromHeaders(event.headers) })
    if (!video.thumbnailKey) throw new AppError('NOT_FOUND', 'This video has no thumbnail')
    return await sendThumbnail(event, video.thumbnailKey)
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
