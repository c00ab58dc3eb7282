import { CaptionParams, CaptionReplaceInput } from '#shared/schemas/caption'
import { replaceCaption } from '../../../../services/caption/replace-caption'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const { id, captionId } = readParams(event, CaptionParams)
  const input = await readInput(event, CaptionReplaceInput)
  return replaceCaption({ ownerId: user.id, lessonId: id, captionId, input })
})
