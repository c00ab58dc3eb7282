import { LessonIdParams } from '#shared/schemas/outline'
import { retryProcessing } from '../../../services/upload/retry-processing'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, LessonIdParams)
  return retryProcessing({ ownerId: user.id, lessonId: id })
})
