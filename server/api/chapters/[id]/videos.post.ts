import { ChapterIdParams, VideoInput } from '#shared/schemas/outline'
import { createVideo } from '../../../services/outline/create-video'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, ChapterIdParams)
  const input = await readInput(event, VideoInput)
  setResponseStatus(event, 201)
  return createVideo({ ownerId: user.id, chapterId: id, input })
})
