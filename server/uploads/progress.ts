// Upload progress as the server sees it (bytes read from the request), broadcast at most every
// 100 ms per upload while bytes flow, and at once when a PATCH ends (its count would otherwise
// wait for the next interval) and for the last byte: about 10 events/s per upload. A lesson's on its course's
// channel (~270 bytes: course, chapter, lesson, upload, byte counts and when the server had read
// them), an attachment's on its conversation's channel to the uploader only, a library file's on
// its owner's own channel. The events are built by shared/uploads/progress.ts, as the uploader's own are.
import { conversationChannel, courseChannel, userChannel } from '#shared/realtime/channels'
import { uploadProgressEvent } from '#shared/uploads/progress'
import { broadcast } from '../realtime/broadcast'
import { findUpload } from '../services/upload/find-upload'
import type { UploadContext } from '../services/upload/find-upload'

const MIN_INTERVAL_MS = 100
/**
 * How long a held count waits past the interval for a fresher one. While bytes flow, tus reports
 * every 25 ms (and a PATCH's first bytes at once: node-body.ts), and the first report after the
 * interval goes out at once with a count read just then; the held one is sent only when the flow
 * stops inside a PATCH (a slow line; a PATCH's end is sent at once). Two report periods: a
 * fresher count would have come by then. Every millisecond past that is delivery latency of the
 * held count.
 */
const STALL_MS = 50
interface Count { bytes: number, at: number }
const last = new Map<string, Count>()
const contexts = new Map<string, UploadContext>()

const trailing = new Map<string, { timer: ReturnType<typeof setTimeout>, count: Count }>()
/** Uploads created but never sent to are forgotten past this many (the oldest first). */
const MAX_CONTEXTS = 10_000

/**
 * Keeps what a new upload fills, known when it was created, so its first report does not wait
 * for a database read. That read used to sit between the bytes being read and the first event of
 * every upload (while other uploads' creations held the course lock): with three uploads at once,
 * those three events were the slowest 1 % of a run's ~200, i.e. the p99 (bench/upload.bench.ts).
 */
export function rememberUploadContext(uploadId: string, context: UploadContext): void {
  if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value!)
  contexts.set(uploadId, context)
}

/**
 * Reports bytes received: at once if the last report is 100 ms old, the PATCH has ended
 * (`ended`) or the upload is complete, else held for a trailing report (so a pause never leaves
 * a stale bar behind) unless a fresher count comes first.
 *
 * Why a PATCH's end goes out at once: no fresher count follows it until the next PATCH starts,
 * so holding it made its delivery wait for the interval, the stall margin and the next request's
 * start. Those held counts were the slowest 1 % of three uploads at once (bench/upload.bench.ts),
 * 94–126 ms at p99 on a loaded machine. It adds one event per 8 MiB PATCH (1.5 a second on a
 * 100 Mbit/s line; more only on loopback), and the interval restarts from it.
 */
export async function reportProgress(uploadId: string, bytes: number, { at = Date.now(), ended = false }: { at?: number, ended?: boolean } = {}): Promise<void> {
  const previous = last.get(uploadId)
  if (previous && bytes <= previous.bytes) return
  const wait = previous && !ended ? MIN_INTERVAL_MS - (at - previous.at) : 0
  const context = contexts.get(uploadId) ?? await findUpload(uploadId)
  if (!context?.lesson && !context?.attachment && !context?.library) return
  contexts.set(uploadId, context)
  if (wait > 0 && bytes < context.sizeBytes) {
    const pending = trailing.get(uploadId)
    if (pending) {
      if (bytes > pending.count.bytes) pending.count = { bytes, at }
    }
    else {
      trailing.set(uploadId, { count: { bytes, at }, timer: setTimeout(() => void flush(uploadId), wait + STALL_MS) })
    }
    return
  }
  clearTimeout(trailing.get(uploadId)?.timer)
  trailing.delete(uploadId)
  await send(uploadId, { bytes, at }, context)
}

async function flush(uploadId: string): Promise<void> {
  const pending = trailing.get(uploadId)
  const context = contexts.get(uploadId)
  trailing.delete(uploadId)
  if (pending && context && pending.count.bytes > (last.get(uploadId)?.bytes ?? -1)) await send(uploadId, pending.count, context).catch(() => {})
}

async function send(uploadId: string, count: Count, context: UploadContext): Promise<void> {
  const { lesson, attachment, library, sizeBytes: total } = context
  // Reports are not awaited by the request: a later, larger count may have gone out while this
  // one waited for the upload's context. Never send a count below one already sent.
  const previous = last.get(uploadId)
  if (previous && count.bytes <= previous.bytes) return
  // The interval runs from when this report went out, not from when its bytes were read.
  last.set(uploadId, { bytes: count.bytes, at: Date.now() })
  const data = { bytes: count.bytes, total, at: count.at }
  if (lesson) {
    const place = { kind: 'lesson' as const, courseId: lesson.courseId, chapterId: lesson.chapterId, lessonId: lesson.lessonId, replacement: lesson.replacement }
    await broadcast(courseChannel(lesson.courseId), uploadProgressEvent(place, uploadId, data))
  }
  else if (attachment) {
    const place = { kind: 'attachment' as const, conversationId: attachment.conversationId, attachmentId: attachment.id }
    await broadcast(conversationChannel(attachment.conversationId), uploadProgressEvent(place, uploadId, data), { onlyUsers: [context.ownerId] })
  }
  else if (library) {
    await broadcast(userChannel(context.ownerId), uploadProgressEvent({ kind: 'library', mediaId: library.mediaId }, uploadId, data))
  }
  if (count.bytes >= total) forgetProgress(uploadId)
}

export function forgetProgress(uploadId: string): void {
  clearTimeout(trailing.get(uploadId)?.timer)
  trailing.delete(uploadId)
  last.delete(uploadId)
  contexts.delete(uploadId)
}
