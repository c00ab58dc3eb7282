// Upload progress into the caches: the lesson's row in chapterKeys.list(courseId) and in
// lessonKeys.list(chapterId) (the dual cache update). The highest byte count wins, so a late or
// client-side event never moves a bar backwards; the speed is smoothed from successive events.
// A replacement's bytes (event.replacement) go to the lesson's `replacement`, never to the lesson
// itself: its status and duration stay the current video's, which students still watch.
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
  if (event.replacement) return withReplacementProgress(lesson, event, now)
  // A lesson that already finished uploading ignores stragglers.
  if (lesson.status !== 'UPLOADING' && lesson.status !== 'DRAFT') return lesson
  const upload = nextProgress(lesson.upload, event, now)
  return upload ? { ...lesson, status: 'UPLOADING', upload } : lesson
}

function withReplacementProgress(lesson: Lesson, event: ProgressEvent, now: number): Lesson {
  const current = lesson.replacement
  // Already uploaded (processing, failed or swapped in): stragglers change nothing. Before the
  // lesson's event about it arrives, the first bytes start the replacement's row.
  if (current ? current.status !== 'UPLOADING' : event.data.bytes >= event.data.total) return lesson
  const upload = nextProgress(current?.upload, event, now)
  if (!upload) return lesson
  return { ...lesson, replacement: { status: 'UPLOADING', fileName: '', failureReason: null, received: null, ...current, upload } }
}

/** Whether a lesson still takes this upload's progress (it is uploading, as itself or as its replacement). */
const stillUploading = (lesson: Lesson, event: ProgressEvent) =>
  event.replacement ? lesson.replacement?.status === 'UPLOADING' : lesson.status === 'UPLOADING'

/**
 * The latest progress per uploading lesson. An outline fetch answers with what the database knew
 * when it ran: progress for a lesson it did not hold yet (the upload was just created), or that
 * arrived while the fetch was under way, is applied again when the outline lands, so a refetch
 * never moves a bar backwards (nextProgress keeps the highest byte count).
 */
const latest = new Map<string, ProgressEvent>()

export function uploadProgressed(client: QueryClient, event: ProgressEvent, now = Date.now()): void {
  client.setQueryData<Chapter[]>(chapterKeys.list(event.courseId), chapters => chapters?.map((chapter) => {
    if (chapter.id !== event.chapterId) return chapter
    return { ...chapter, lessons: chapter.lessons.map(lesson => withProgress(lesson, event, now)) }
  }))
  client.setQueryData<Lesson[]>(lessonKeys.list(event.chapterId), lessons => lessons?.map(lesson => withProgress(lesson, event, now)))
  latest.delete(event.lessonId) // re-inserted last: the oldest entry is the first to go
  latest.set(event.lessonId, event)
  if (latest.size > 100) latest.delete(latest.keys().next().value!)
}

/** The outline of a course was (re)loaded: apply progress it did not know of yet. */
export function applyWaitingProgress(client: QueryClient, courseId: string): void {
  const chapters = client.getQueryData<Chapter[]>(chapterKeys.list(courseId))
  const lessons = new Map(chapters?.flatMap(c => c.lessons.map(lesson => [lesson.id, lesson] as const)))
  for (const event of [...latest.values()]) {
    if (event.courseId !== courseId) continue
    const lesson = lessons.get(event.lessonId)
    if (!lesson) continue
    // Finished, or cancelled (back to no video, or to its current one): nothing left to apply.
    if (!stillUploading(lesson, event)) latest.delete(event.lessonId)
    else uploadProgressed(client, event)
  }
}

/**
 * How far a lesson's HLS ladder is, into the same two caches. 100 (the ladder is stored) clears
 * it: the lesson then shows as ready only.
 */
export function transcodeProgressed(client: QueryClient, event: RealtimeEventOf<'transcode-progress'>): void {
  const withPercent = (lesson: Lesson): Lesson => {
    if (lesson.id !== event.lessonId) return lesson
    const { transcodePercent: _previous, ...rest } = lesson
    return event.percent >= 100 ? rest : { ...rest, transcodePercent: event.percent }
  }
  client.setQueryData<Chapter[]>(chapterKeys.list(event.courseId), chapters => chapters?.map(chapter => (chapter.id === event.chapterId ? { ...chapter, lessons: chapter.lessons.map(withPercent) } : chapter)))
  client.setQueryData<Lesson[]>(lessonKeys.list(event.chapterId), lessons => lessons?.map(withPercent))
}
