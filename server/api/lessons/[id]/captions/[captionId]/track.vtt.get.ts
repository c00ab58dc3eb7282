// The WebVTT a <track> element loads. A protocol endpoint: it answers text/vtt, and refuses with
// the usual JSON error envelope (the player then simply has no such track).
import { CaptionParams } from '#shared/schemas/caption'
import { getCaptionVtt } from '../../../../../services/caption/get-caption'
import { sendRefusal } from '../../../../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const { id, captionId } = readParams(event, CaptionParams)
    const { vtt } = await getCaptionVtt({ lessonId: id, captionId, user: await userFromHeaders(event.headers) })
    // Private: the lesson may be an enrolled student's only; no-cache, so a replaced file shows at once.
    setResponseHeaders(event, { 'content-type': 'text/vtt; charset=utf-8', 'cache-control': 'private, no-cache', 'x-content-type-options': 'nosniff' })
    return vtt
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
