import { VideoIdParams } from '#shared/schemas/outline'
import { retryProcessing } from '../../../services/upload/retry-processing'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, VideoIdParams)
  return retryProcessing({ ownerId: user.id, videoId: id })
})
