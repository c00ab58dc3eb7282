import { CaptionParams, CaptionUpdateInput } from '#shared/schemas/caption'
import { updateCaption } from '../../../../services/caption/update-caption'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id, captionId } = readParams(event, CaptionParams)
  const input = await readInput(event, CaptionUpdateInput)
  return updateCaption({ ownerId: user.id, lessonId: id, captionId, input })
})
