import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { thumbnailKey } from '../../storage'
import { storeThumbnail } from './worker-scratch'
import { setUploadState } from './set-upload-state'
import { enqueueTranscode } from './transcode-media'

type Result = { durationSeconds?: number, width?: number | null, height?: number | null, thumbnail: boolean } | { failure: string }

export async function recordProcessingResult({ uploadId, result: reported }: { uploadId: string, result: Result }) {
  const media = await useDb().mediaFile.findUnique({ where: { storageKey: uploadId }, select: { status: true, purpose: true, mimeType: true } })
  if (!media) throw new AppError('NOT_FOUND', 'Upload not found')
  if (media.status !== 'PROCESSING') throw new AppError('CONFLICT', `The upload is ${media.status.toLowerCase()}, not processing`)
  // An attachment that cannot be previewed is still a file to download: ready, without a preview.
  if ('failure' in reported && media.purpose === 'ATTACHMENT') {
    await setUploadState(uploadId, { status: 'READY', thumbnailKey: null })
    return { status: 'READY' as const }
  }
  const result: Result = !('failure' in reported) && reported.durationSeconds === undefined && (media.purpose === 'LESSON' || (media.purpose === 'LIBRARY' && media.mimeType.startsWith('video/')))
    ? { failure: 'The video has no readable duration.' }
    : reported
  if ('failure' in result) {
    await setUploadState(uploadId, { status: 'FAILED', failureReason: result.failure })
    return { status: 'FAILED' as const }
  }
  // The worker's thumbnail goes into the store before the row says there is one.
  const thumbnail = result.thumbnail && await storeThumbnail(uploadId)
  await setUploadState(uploadId, {
    status: 'READY',
    durationSeconds: result.durationSeconds ?? null,
    width: result.width ?? null,
    height: result.height ?? null,
    thumbnailKey: thumbnail ? thumbnailKey(uploadId) : null,
    failureReason: null,
  })
  // A video that can become a lesson's (not a message's attachment) gets its HLS ladder.
  if (result.durationSeconds !== undefined && media.purpose !== 'ATTACHMENT') await enqueueTranscode(uploadId)
  return { status: 'READY' as const }
}
