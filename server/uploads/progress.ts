// Upload progress as the server sees it (bytes received), broadcast on the course channel at
// most every 100 ms per upload (≤ 10 events/s), and always for the last byte. Each event is
// ~250 bytes and carries what the caches need: course, chapter, lesson, upload and byte counts.
import { courseChannel } from '#shared/realtime/channels'
import { broadcast } from '../realtime/broadcast'
import { findUpload } from '../services/uploads/upload-context'
import type { UploadContext } from '../services/uploads/upload-context'

const MIN_INTERVAL_MS = 100
const last = new Map<string, { at: number, bytes: number }>()
const contexts = new Map<string, UploadContext>()

const trailing = new Map<string, { timer: ReturnType<typeof setTimeout>, bytes: number }>()

/**
 * Reports bytes received: at once if the last report is 100 ms old, else as a trailing report
 * when the interval ends (with the latest count), so a pause never leaves a stale bar behind.
 */
export async function reportProgress(uploadId: string, bytes: number): Promise<void> {
  const previous = last.get(uploadId)
  if (previous && bytes <= previous.bytes) return
  const wait = previous ? MIN_INTERVAL_MS - (Date.now() - previous.at) : 0
  const context = contexts.get(uploadId) ?? await findUpload(uploadId)
  if (!context?.lesson) return
  contexts.set(uploadId, context)
  if (wait > 0 && bytes < context.sizeBytes) {
    const pending = trailing.get(uploadId)
    if (pending) pending.bytes = Math.max(pending.bytes, bytes)
    else trailing.set(uploadId, { bytes, timer: setTimeout(() => void flush(uploadId), wait) })
    return
  }
  await send(uploadId, bytes, context)
}

async function flush(uploadId: string): Promise<void> {
  const pending = trailing.get(uploadId)
  const context = contexts.get(uploadId)
  trailing.delete(uploadId)
  if (pending && context && pending.bytes > (last.get(uploadId)?.bytes ?? -1)) await send(uploadId, pending.bytes, context).catch(() => {})
}

async function send(uploadId: string, bytes: number, context: UploadContext): Promise<void> {
  const { lesson, sizeBytes: total } = context
  if (!lesson) return
  last.set(uploadId, { at: Date.now(), bytes })
  await broadcast(courseChannel(lesson.courseId), {
    type: 'upload-progress',
    courseId: lesson.courseId,
    chapterId: lesson.chapterId,
    videoId: lesson.videoId,
    operationId: uploadId,
    data: { progress: total ? Math.min(100, Math.round((bytes / total) * 1000) / 10) : 0, bytes, total },
  })
  if (bytes >= total) forgetProgress(uploadId)
}

export function forgetProgress(uploadId: string): void {
  clearTimeout(trailing.get(uploadId)?.timer)
  trailing.delete(uploadId)
  last.delete(uploadId)
  contexts.delete(uploadId)
}
