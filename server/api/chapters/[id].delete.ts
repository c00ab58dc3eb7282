import { ChapterIdParams } from '#shared/schemas/outline'
import { courseOfChapter } from '../../services/outline/course-lock'
import { deleteOutlineItems } from '../../services/outline/delete-outline-items'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, ChapterIdParams)
  const courseId = await courseOfChapter({ ownerId: user.id, chapterId: id })
  return deleteOutlineItems({ ownerId: user.id, courseId, input: { chapterIds: [id], lessonIds: [] } })
})
