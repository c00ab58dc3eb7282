// A lesson's poster frame (made by the processing worker), under the same access rule as its video.
import { readFile } from 'node:fs/promises'
import { VideoIdParams } from '#shared/schemas/outline'
import { findStreamableVideo } from '../../../services/media/streamable-video'
import { useFileStorage } from '../../../uploads/storage'
import { AppError, toAppError } from '../../../utils/errors'

export default defineEventHandler(async (event) => {
  try {
    const { id } = readParams(event, VideoIdParams)
    const video = await findStreamableVideo({ videoId: id, user: await userFromHeaders(event.headers) })
    if (!video.thumbnailKey) throw new AppError('NOT_FOUND', 'This video has no thumbnail')
    setResponseHeaders(event, { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=86400' })
    return await readFile(useFileStorage().thumbnailPath(video.thumbnailKey))
  }
  catch (error) {
    const appError = toAppError(error)
    setResponseStatus(event, appError.status)
    return { success: false, error: appError.toJSON() }
  }
})
