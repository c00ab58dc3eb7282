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

export async function reportProgress(uploadId: string, bytes: number): Promise<void> {
  let context = contexts.get(uploadId)
  if (!context) {
    const found = await findUpload(uploadId)
    if (!found?.lesson) return
    contexts.set(uploadId, context = found)
  }
  const { lesson, sizeBytes: total } = context
  if (!lesson) return
  const previous = last.get(uploadId)
  const now = Date.now()
  const done = bytes >= total
  if (previous && (bytes <= previous.bytes || (!done && now - previous.at < MIN_INTERVAL_MS))) return
  last.set(uploadId, { at: now, bytes })
  await broadcast(courseChannel(lesson.courseId), {
    type: 'upload-progress',
    courseId: lesson.courseId,
    chapterId: lesson.chapterId,
    videoId: lesson.videoId,
    operationId: uploadId,
    data: { progress: total ? Math.min(100, Math.round((bytes / total) * 1000) / 10) : 0, bytes, total },
  })
  if (done) forgetProgress(uploadId)
}

export function forgetProgress(uploadId: string): void {
  last.delete(uploadId)
  contexts.delete(uploadId)
}
