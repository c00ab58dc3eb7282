// An upload's progress event, built the same way by the server (the bytes it has read, sent on
// the socket: server/uploads/progress.ts) and by the uploading tab while its socket is down (the
// bytes it has sent: composables/uploads/upload-manager.ts), so the caches get one shape from
// both and a bar never passes 100 %.
import type { RealtimeEventOf } from '../realtime/events'

/** What the upload fills: a lesson of a course, an attachment in a conversation, or a library file. */
export type UploadPlace
  = | { kind: 'lesson', courseId: string, chapterId: string, lessonId: string, replacement?: boolean }
    | { kind: 'attachment', conversationId: string, attachmentId: string }
    | { kind: 'library', mediaId: string }

export type UploadProgressEvent = RealtimeEventOf<'upload-progress' | 'attachment-progress' | 'library-upload-progress'>

/**
 * An unfinished upload is "live" (someone is sending it) when the server received bytes this
 * recently. The server records received bytes at least every 5 s while they flow
 * (server/uploads/liveness.ts); progress events come every ~100 ms.
 */
export const UPLOAD_LIVE_MS = 8_000

/** Percent received, to a tenth, never past 100 (a count can run ahead of a stale total). */
export function progressPercent(bytes: number, total: number): number {
  return total ? Math.min(100, Math.round((bytes / total) * 1000) / 10) : 0
}

/**
 * `at`: when the server had read those bytes (its clock); speed comes from these deltas. The
 * uploader's own events leave it out.
 */
export function uploadProgressEvent(place: UploadPlace, operationId: string, { bytes, total, at }: { bytes: number, total: number, at?: number }): UploadProgressEvent {
  const when = at === undefined ? {} : { at }
  if (place.kind === 'lesson') {
    const { courseId, chapterId, lessonId } = place
    const replacement = place.replacement ? { replacement: true as const } : {}
    return { type: 'upload-progress', courseId, chapterId, lessonId, operationId, ...replacement, data: { progress: progressPercent(bytes, total), bytes, total, ...when } }
  }
  if (place.kind === 'attachment')
    return { type: 'attachment-progress', conversationId: place.conversationId, attachmentId: place.attachmentId, operationId, data: { bytes, total, ...when } }
  return { type: 'library-upload-progress', mediaId: place.mediaId, operationId, data: { bytes, total, ...when } }
}
