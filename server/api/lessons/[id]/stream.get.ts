// A lesson's video, streamed with HTTP Range support (players seek with 206 answers). A protocol
// endpoint: it answers bytes, and refuses with the usual JSON error envelope.
import { LessonIdParams } from '#shared/schemas/outline'
import { findStreamableVideo } from '../../../services/media/find-streamable-video'
import { sendRefusal, sendStoredFile } from '../../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const { id } = readParams(event, LessonIdParams)
    const user = await userFromHeaders(event.headers)
    // The lesson's address plays whichever file is its video now: a replaced video must not be
    // served from the browser's copy of the old one.
    return await sendStoredFile(event, { ...await findStreamableVideo({ lessonId: id, user }), revalidate: true })
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
