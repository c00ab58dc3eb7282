import { ChapterIdParams } from '#shared/schemas/outline'
import { listVideos } from '../../../services/outline/list-videos'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, ChapterIdParams)
  return listVideos({ ownerId: user.id, chapterId: id })
})
