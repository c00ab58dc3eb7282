import { VideoIdParams, VideoUpdateInput } from '#shared/schemas/outline'
import { updateVideo } from '../../services/outline/update-video'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, VideoIdParams)
  const input = await readInput(event, VideoUpdateInput)
  return updateVideo({ ownerId: user.id, videoId: id, input })
})
