// A lesson's video, streamed with HTTP Range support (players seek with 206 answers). A protocol
// endpoint: it answers bytes, and refuses with the usual JSON error envelope.
import { LessonIdParams } from '#shared/schemas/outline'
import { findStreamableVideo } from '../../../services/media/find-streamable-video'
import { sendRefusal, sendStoredFile } from '../../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const { id } = readParams(event, LessonIdParams)
    const user = await userFromHeaders(event.headers)
    return await sendStoredFile(event, await findStreamableVideo({ lessonId: id, user }))
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
