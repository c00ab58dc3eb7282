// A lesson's HLS master playlist: the same access as its stream, every address in it signed. A
// protocol endpoint: it answers a playlist, and refuses with the usual JSON error envelope.
import { LessonIdParams } from '#shared/schemas/outline'
import { signHlsMaster } from '../../../services/media/sign-hls-master'
import { PLAYLIST_TYPE } from '../../../services/upload/record-rendition'
import { sendRefusal } from '../../../utils/send-stored-file'

export default defineEventHandler(async (event) => {
  try {
    const { id } = readParams(event, LessonIdParams)
    const user = await userFromHeaders(event.headers)
    const { playlist } = await signHlsMaster({ lessonId: id, user })
    // Personal (it was access-checked) and its addresses are signed now: never kept by a cache.
    setResponseHeaders(event, { 'content-type': PLAYLIST_TYPE, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' })
    return playlist
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
