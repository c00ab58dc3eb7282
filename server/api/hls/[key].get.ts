// An HLS playlist or segment by its signed address (no cookie needed: the signature is the
// authorisation). Cacheable by anyone, a CDN included, until the signature expires. A protocol
// endpoint: bytes or a playlist, refusals as the JSON error envelope.
import { z } from 'zod'
import { readSignedHlsObject } from '../../services/media/read-signed-hls-object'
import { PLAYLIST_TYPE, SEGMENT_TYPE } from '../../services/upload/record-rendition'
import { sendRefusal } from '../../utils/send-stored-file'

const Params = z.object({ key: z.string().max(100) })
const Signed = z.object({
  expires: z.coerce.number().int().positive().max(1e11),
  signature: z.string().regex(/^[\w-]{43}$/, 'Not a signature'),
})

export default defineEventHandler(async (event) => {
  try {
    const { key } = readParams(event, Params)
    const signed = Signed.safeParse(getQuery(event))
    if (!signed.success) throw createError({ statusCode: 403, statusMessage: 'This stream address is not signed' })
    const object = await readSignedHlsObject({ key, ...signed.data })
    const maxAge = Math.max(0, object.expires - Math.floor(Date.now() / 1000))
    setResponseHeaders(event, {
      'content-type': object.kind === 'playlist' ? PLAYLIST_TYPE : SEGMENT_TYPE,
      'cache-control': `public, max-age=${maxAge}, immutable`,
      'x-content-type-options': 'nosniff',
    })
    if (object.kind === 'playlist') return object.body
    setResponseHeader(event, 'content-length', object.sizeBytes)
    return sendStream(event, object.body)
  }
  catch (error) {
    return sendRefusal(event, error)
  }
})
