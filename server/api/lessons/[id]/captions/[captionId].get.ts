// One caption's cues, for the transcript panel beside the player.
import { CaptionParams } from '#shared/schemas/caption'
import { getCaptionTranscript } from '../../../../services/caption/get-caption'

export default defineApiHandler(async (event) => {
  const { id, captionId } = readParams(event, CaptionParams)
  return getCaptionTranscript({ lessonId: id, captionId, user: await userFromHeaders(event.headers) })
})
