import { CaptionAddInput } from '#shared/schemas/caption'
import { LessonIdParams } from '#shared/schemas/outline'
import { addCaption } from '../../../../services/caption/add-caption'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id } = readParams(event, LessonIdParams)
  const input = await readInput(event, CaptionAddInput)
  setResponseStatus(event, 201)
  return addCaption({ ownerId: user.id, lessonId: id, input })
})
