import { CaptionParams } from '#shared/schemas/caption'
import { removeCaption } from '../../../../services/caption/remove-caption'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id, captionId } = readParams(event, CaptionParams)
  return removeCaption({ ownerId: user.id, lessonId: id, captionId })
})
