// The media:process job: spawns the processing worker for one upload and waits for it. The
// worker reports to /api/internal/media/<upload>/processed, where the server records the result;
// a worker that dies without reporting fails the attempt, and the job retries.
import { lecternConfig } from '../../utils/config'
import { useObjectStore } from '../../storage'
import { useDb } from '../../database/db'
import { setUploadState } from './set-upload-state'
import { clearScratch, scratchThumbnailPath } from './worker-scratch'
import { runWorker } from './worker-file'

const WORKER = 'process-video.mjs'
/** How long the worker's presigned URL works: ffprobe and ffmpeg are each bounded to 2 minutes (the worker). */
const WORKER_URL_SECONDS = 15 * 60

/** Lesson videos and video attachments get a duration and a poster; images a size and a thumbnail. */
function workerModeFor(media: { purpose: string, mimeType: string }): 'video' | 'image' | null {
  if (media.purpose === 'LESSON' || media.mimeType.startsWith('video/')) return 'video'
  if (media.mimeType.startsWith('image/') && media.mimeType !== 'image/svg+xml') return 'image'
  return null
}

export async function processMediaInWorker(uploadId: string): Promise<void> {
  const media = await useDb().mediaFile.findUnique({ where: { storageKey: uploadId }, select: { status: true, purpose: true, mimeType: true } })
  if (!media || media.status !== 'PROCESSING') return // cancelled, or already done by an earlier attempt
  const mode = workerModeFor(media)
  // Documents, PDFs and audio attachments have nothing to read: they are ready as they are.
  if (!mode) return void await setUploadState(uploadId, { status: 'READY' })
  // ffmpeg reads the object where it is (a file, or a presigned URL it seeks in with Range
  // requests: no copy of a large video on local disk) and writes the thumbnail to scratch.
  const input = await useObjectStore().toolInput(uploadId, WORKER_URL_SECONDS)
  const thumbnail = await scratchThumbnailPath(uploadId)
  await runWorker(WORKER, {
    LECTERN_WORKER_INPUT: input,
    LECTERN_WORKER_THUMBNAIL: thumbnail,
    LECTERN_WORKER_REPORT_URL: `${lecternConfig().internalUrl}/api/internal/media/${uploadId}/processed`,
    LECTERN_WORKER_MODE: mode,
  }).finally(() => clearScratch(uploadId))
  const after = await useDb().mediaFile.findUnique({ where: { storageKey: uploadId }, select: { status: true } })
  if (after?.status === 'PROCESSING') throw new Error('the worker finished without reporting a result')
}
