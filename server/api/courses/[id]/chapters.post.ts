import { CourseIdParams } from '#shared/schemas/course'
import { ChapterInput } from '#shared/schemas/outline'
import { createChapter } from '../../../services/outline/create-chapter'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, CourseIdParams)
  const input = await readInput(event, ChapterInput)
  setResponseStatus(event, 201)
  return createChapter({ ownerId: user.id, courseId: id, input })
})
