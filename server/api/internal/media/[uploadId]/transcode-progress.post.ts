// Where the transcode worker reports how far the ladder is (bearer token).
import { z } from 'zod'
import { UploadIdParams } from '#shared/schemas/upload'
import { recordTranscodeProgress } from '../../../../services/upload/record-transcode-progress'

const Progress = z.object({ percent: z.number().int().min(0).max(100) })

export default defineApiHandler(async (event) => {
  requireInternalToken(event)
  const { uploadId } = readParams(event, UploadIdParams)
  const { percent } = await readInput(event, Progress)
  return recordTranscodeProgress({ uploadId, percent })
})
