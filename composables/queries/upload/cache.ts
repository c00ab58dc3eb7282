// Upload progress into the caches: the lesson's row in chapterKeys.list(courseId) and in
// lessonKeys.list(chapterId) (the dual cache update). The highest byte count wins, so a late or
// client-side event never moves a bar backwards; the speed is smoothed from successive events.
import type { QueryClient } from '@tanstack/vue-query'
import type { RealtimeEventOf } from '#shared/realtime/events'
import type { Chapter, UploadProgress, Lesson } from '#shared/types/outline'
import { chapterKeys, lessonKeys } from '../outline/keys'

type ProgressEvent = RealtimeEventOf<'upload-progress'>

export function nextProgress(previous: UploadProgress | undefined, event: ProgressEvent, now = Date.now()): UploadProgress | undefined {
  const { bytes, total, progress } = event.data
  const sourceAt = event.data.at ?? null
  const same = previous?.operationId === event.operationId
  if (previous && same && bytes <= previous.bytes) return undefined // never backwards
  let bytesPerSecond: number | null = null
  // Time between the server's own readings when both events carry one (delivery jitter and
  // bursts do not distort it); otherwise between arrivals.
  const elapsed = previous && same
    ? (sourceAt !== null && previous.sourceAt !== null ? sourceAt - previous.sourceAt : now - previous.at)
    : 0
  if (previous && same && elapsed > 0) {
    const instant = ((bytes - previous.bytes) * 1000) / elapsed
    bytesPerSecond = previous.bytesPerSecond === null ? instant : previous.bytesPerSecond * 0.7 + instant * 0.3
  }
  else if (previous && same) {
    bytesPerSecond = previous.bytesPerSecond
  }
  return { operationId: event.operationId, bytes, total, progress, bytesPerSecond, at: now, sourceAt }
}

function withProgress(lesson: Lesson, event: ProgressEvent, now: number): Lesson {
  if (lesson.id !== event.lessonId) return lesson
  // A lesson that already finished uploading ignores stragglers.
  if (lesson.status !== 'UPLOADING' && lesson.status !== 'DRAFT') return lesson
  const upload = nextProgress(lesson.upload, event, now)
  return upload ? { ...lesson, status: 'UPLOADING', upload } : lesson
}

/**
 * Progress for a lesson the outline does not hold yet (its row is still being fetched: the upload
 * was just created) waits here, and is applied when the outline arrives.
 */
const waiting = new Map<string, ProgressEvent>()

export function uploadProgressed(client: QueryClient, event: ProgressEvent, now = Date.now()): void {
  let found = false
  client.setQueryData<Chapter[]>(chapterKeys.list(event.courseId), chapters => chapters?.map((chapter) => {
    if (chapter.id !== event.chapterId) return chapter
    found ||= chapter.lessons.some(v => v.id === event.lessonId)
    return { ...chapter, lessons: chapter.lessons.map(lesson => withProgress(lesson, event, now)) }
  }))
  client.setQueryData<Lesson[]>(lessonKeys.list(event.chapterId), lessons => lessons?.map(lesson => withProgress(lesson, event, now)))
  if (found) waiting.delete(event.lessonId)
  else if (waiting.size < 100) waiting.set(event.lessonId, event)
}

/** The outline of a course was (re)loaded: apply progress that arrived before its lessons did. */
export function applyWaitingProgress(client: QueryClient, courseId: string): void {
  const chapters = client.getQueryData<Chapter[]>(chapterKeys.list(courseId))
  const present = new Set(chapters?.flatMap(c => c.lessons.map(v => v.id)))
  for (const event of [...waiting.values()]) {
    if (event.courseId === courseId && present.has(event.lessonId)) uploadProgressed(client, event)
  }
}
