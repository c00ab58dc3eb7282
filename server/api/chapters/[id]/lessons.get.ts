import { ChapterIdParams } from '#shared/schemas/outline'
import { listLessons } from '../../../services/outline/list-lessons'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, ChapterIdParams)
  return listLessons({ ownerId: user.id, chapterId: id })
})
