import { AppError } from '../../utils/errors'
import { useDb } from '../../utils/db'
import { thumbnailKeyFor } from '../../uploads/storage'
import { setUploadState } from './set-upload-state'

type Result = { durationSeconds: number, thumbnail: boolean } | { failure: string }

export async function recordProcessingResult({ uploadId, result }: { uploadId: string, result: Result }) {
  const media = await useDb().mediaFile.findUnique({ where: { storageKey: uploadId }, select: { status: true } })
  if (!media) throw new AppError('NOT_FOUND', 'Upload not found')
  if (media.status !== 'PROCESSING') throw new AppError('CONFLICT', `The upload is ${media.status.toLowerCase()}, not processing`)
  if ('failure' in result) {
    await setUploadState(uploadId, { status: 'FAILED', failureReason: result.failure })
    return { status: 'FAILED' as const }
  }
  await setUploadState(uploadId, {
    status: 'READY',
    durationSeconds: result.durationSeconds,
    thumbnailKey: result.thumbnail ? thumbnailKeyFor(uploadId) : null,
    failureReason: null,
  })
  return { status: 'READY' as const }
}
