import { ChapterIdParams, LessonInput } from '#shared/schemas/outline'
import { createLesson } from '../../../services/outline/create-lesson'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, ChapterIdParams)
  const input = await readInput(event, LessonInput)
  setResponseStatus(event, 201)
  return createLesson({ ownerId: user.id, chapterId: id, input })
})
