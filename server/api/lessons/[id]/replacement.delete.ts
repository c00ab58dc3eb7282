import { LessonIdParams } from '#shared/schemas/outline'
import { discardReplacement } from '../../../services/upload/discard-replacement'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, LessonIdParams)
  return discardReplacement({ ownerId: user.id, lessonId: id })
})
