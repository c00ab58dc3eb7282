// Where the transcode worker reports a finished rendition (bearer token): the server stores its
// files and marks it ready.
import { z } from 'zod'
import { UploadIdParams } from '#shared/schemas/upload'
import { recordRendition } from '../../../../services/upload/record-rendition'

const Rendition = z.object({ height: z.number().int().min(2).max(4320), bandwidth: z.number().int().positive().max(1e9), audio: z.boolean() })

export default defineApiHandler(async (event) => {
  requireInternalToken(event)
  const { uploadId } = readParams(event, UploadIdParams)
  const rendition = await readInput(event, Rendition)
  return recordRendition({ uploadId, ...rendition })
})
