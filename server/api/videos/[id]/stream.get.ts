// A lesson's video, streamed with HTTP Range support (players seek with 206 answers). A protocol
// endpoint: it answers bytes, and refuses with the usual JSON error envelope.
import { sendStream } from 'h3'
import { VideoIdParams } from '#shared/schemas/outline'
import { findStreamableVideo } from '../../../services/media/streamable-video'
import { useFileStorage } from '../../../uploads/storage'
import { parseByteRange } from '../../../utils/byte-range'
import { toAppError } from '../../../utils/errors'

export default defineEventHandler(async (event) => {
  try {
    const { id } = readParams(event, VideoIdParams)
    const user = await userFromHeaders(event.headers)
    const video = await findStreamableVideo({ videoId: id, user })
    const range = parseByteRange(getRequestHeader(event, 'range'), video.sizeBytes)
    setResponseHeaders(event, {
      'accept-ranges': 'bytes',
      'content-type': video.mimeType,
      'cache-control': 'private, max-age=3600',
    })
    if (range === 'unsatisfiable') {
      setResponseStatus(event, 416)
      setResponseHeader(event, 'content-range', `bytes */${video.sizeBytes}`)
      return ''
    }
    const { start, end } = range ?? { start: 0, end: video.sizeBytes - 1 }
    if (range) {
      setResponseStatus(event, 206)
      setResponseHeader(event, 'content-range', `bytes ${start}-${end}/${video.sizeBytes}`)
    }
    setResponseHeader(event, 'content-length', end - start + 1)
    return sendStream(event, useFileStorage().read(video.storageKey, { start, end }))
  }
  catch (error) {
    const appError = toAppError(error)
    setResponseStatus(event, appError.status)
    setResponseHeader(event, 'content-type', 'application/json')
    return { success: false, error: appError.toJSON() }
  }
})
