import { LessonIdParams } from '#shared/schemas/outline'
import { courseOfLesson } from '../../services/outline/course-lock'
import { deleteOutlineItems } from '../../services/outline/delete-outline-items'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, LessonIdParams)
  const courseId = await courseOfLesson({ ownerId: user.id, lessonId: id })
  return deleteOutlineItems({ ownerId: user.id, courseId, input: { chapterIds: [], lessonIds: [id] } })
})
