import { ChapterIdParams, ChapterInput } from '#shared/schemas/outline'
import { renameChapter } from '../../services/outline/rename-chapter'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, ChapterIdParams)
  const input = await readInput(event, ChapterInput)
  return renameChapter({ ownerId: user.id, chapterId: id, input })
})
