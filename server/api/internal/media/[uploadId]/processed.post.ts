// Where the processing worker reports (bearer token): the server records the duration and
// thumbnail, or the failure, and broadcasts the lesson's new state.
import { z } from 'zod'
import { UploadIdParams } from '#shared/schemas/upload'
import { recordProcessingResult } from '../../../../services/upload/record-processing-result'

const Result = z.union([
  z.object({ durationSeconds: z.number().int().positive().max(100 * 3600).optional(), width: z.number().int().positive().nullable().optional(), height: z.number().int().positive().nullable().optional(), thumbnail: z.boolean().default(false) }),
  z.object({ failure: z.string().min(1).max(1000) }),
])

export default defineApiHandler(async (event) => {
  requireInternalToken(event)
  const { uploadId } = readParams(event, UploadIdParams)
  const result = await readInput(event, Result)
  return recordProcessingResult({ uploadId, result })
})
