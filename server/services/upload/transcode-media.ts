// The media:transcode job: makes a processed video's HLS ladder (hls-ladder.ts) in the transcode
// worker, which reports each rendition to /api/internal/media/<upload>/rendition as it is done,
// lowest first (record-rendition.ts stores it and marks it ready). A rendition already ready
// from an earlier attempt is not made again. A worker that ends before every rendition is ready
// fails the attempt, and the job retries; after the last attempt the rest are marked failed and
// the lesson keeps streaming what is ready, or its original file.
import { rm } from 'node:fs/promises'
import { enqueue } from '../../database/job-queue'
import { useDb } from '../../database/db'
import { lecternConfig } from '../../utils/config'
import { useObjectStore } from '../../storage'
import { planLadder } from './hls-ladder'
import { runWorker } from './worker-file'
import { ladderScratchPath, scratchLadderDir } from './worker-scratch'

const WORKER = 'transcode-video.mjs'
/** ffmpeg reads the original for the whole transcode; a long video on a small machine takes a while. */
const WORKER_URL_SECONDS = 6 * 3600

/** After processing: a ready video gets its ladder made, when adaptive streaming is on. */
export async function enqueueTranscode(uploadId: string): Promise<void> {
  if (lecternConfig().hls) await enqueue('media:transcode', { uploadId })
}

export async function transcodeMediaInWorker(uploadId: string): Promise<void> {
  const media = await useDb().mediaFile.findUnique({
    where: { storageKey: uploadId },
    select: { id: true, status: true, width: true, height: true, renditions: { where: { status: 'READY' }, select: { height: true } } },
  })
  // Deleted, not processed, or not a video with a size: nothing to make.
  if (!media || media.status !== 'READY' || !media.width || !media.height) return
  const ready = new Set(media.renditions.map(r => r.height))
  const todo = planLadder({ width: media.width, height: media.height }).filter(r => !ready.has(r.height))
  if (!todo.length) return
  for (const { height, width } of todo) {
    await useDb().mediaRendition.upsert({
      where: { mediaFileId_height: { mediaFileId: media.id, height } },
      create: { mediaFileId: media.id, height, width },
      update: { width, status: 'PENDING' },
    })
  }
  const input = await useObjectStore().toolInput(uploadId, WORKER_URL_SECONDS)
  await runWorker(WORKER, {
    LECTERN_WORKER_INPUT: input,
    LECTERN_WORKER_OUTPUT: await scratchLadderDir(uploadId),
    LECTERN_WORKER_UPLOAD: uploadId,
    LECTERN_WORKER_LADDER: JSON.stringify(todo),
    LECTERN_WORKER_REPORT_URL: `${lecternConfig().internalUrl}/api/internal/media/${uploadId}`,
  }).finally(() => rm(ladderScratchPath(uploadId), { recursive: true, force: true }))
  const left = await useDb().mediaRendition.count({ where: { mediaFileId: media.id, status: { not: 'READY' } } })
  if (left) throw new Error(`the worker finished with ${left} rendition(s) not made`)
}

/** The last attempt failed: what is not ready will not be, and says so. */
export async function giveUpTranscode(uploadId: string): Promise<void> {
  await useDb().mediaRendition.updateMany({ where: { mediaFile: { storageKey: uploadId }, status: 'PENDING' }, data: { status: 'FAILED' } })
}
