import { LessonIdParams, LessonUpdateInput } from '#shared/schemas/outline'
import { updateLesson } from '../../services/outline/update-lesson'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, LessonIdParams)
  const input = await readInput(event, LessonUpdateInput)
  return updateLesson({ ownerId: user.id, lessonId: id, input })
})
