// Observer → Vue Query: the only place socket events reach the cache.
import type { Query, QueryClient } from '@tanstack/vue-query'
import { parseChannel } from '#shared/realtime/channels'
import type { Chapter } from '#shared/types/outline'
import { conversationKeys } from '../queries/conversation/keys'
import { messageChanged, messageHidden, messageReceived, readStateMoved } from '../queries/conversation/cache'
import { attachmentProgressed, attachmentUpdated } from '../queries/conversation/cache-attachments'
import { typingStarted, typingStopped } from '../queries/conversation/cache-typing'
import { courseDeleted, courseRestored, courseSaved } from '../queries/course/cache'
import { courseKeys } from '../queries/course/keys'
import { courseFileKeys } from '../queries/course-files/keys'
import { libraryUploadProgressed, mediaChanged, removeMediaItem } from '../queries/media/cache'
import { mediaKeys } from '../queries/media/keys'
import { observerKeys } from '../queries/observer/keys'
import { chapterSaved, outlineDeleted, outlineReordered, lessonSaved } from '../queries/outline/cache'
import { chapterKeys } from '../queries/outline/keys'
import { presenceChanged } from '../queries/presence/cache'
import { studentRemoved, studentSaved } from '../queries/student/cache'
import { studentKeys } from '../queries/student/keys'
import { applyWaitingProgress, transcodeProgressed, uploadProgressed } from '../queries/upload/cache'
import { catchUpChannel } from './channel-queries'
import type { ObserverEvents, RealtimeObserver } from './observer'

type Handlers = { [K in keyof ObserverEvents]?: (event: ObserverEvents[K]) => void }

/** Events that say how far something has got, not what it now is. */
const ONGOING = new Set<string>(['upload-progress', 'transcode-progress', 'attachment-progress', 'library-upload-progress', 'typing'])

export function registerCacheUpdaters(observer: RealtimeObserver, client: QueryClient): () => void {
  const handlers: Handlers = {
    'course-created': ({ course }) => courseSaved(client, course),
    'course-updated': ({ course }) => courseSaved(client, course),
    'course-deleted': ({ course }) => courseDeleted(client, course),
    'course-restored': ({ course }) => courseRestored(client, course),
    'chapter-saved': ({ courseId, chapter }) => chapterSaved(client, courseId, chapter),
    'lesson-saved': ({ courseId, lesson }) => {
      // A new lesson changes every student's percent complete: the students list is stale.
      if (!lessonKnown(courseId, lesson.id)) void client.invalidateQueries({ queryKey: studentKeys.list(courseId) })
      lessonSaved(client, courseId, lesson)
    },
    'outline-deleted': ({ courseId, chapterIds, lessonIds }) => {
      outlineDeleted(client, courseId, { chapterIds, lessonIds })
      void client.invalidateQueries({ queryKey: studentKeys.list(courseId) })
    },
    'outline-reordered': ({ courseId, order }) => outlineReordered(client, courseId, order),
    'upload-progress': event => uploadProgressed(client, event),
    'transcode-progress': event => transcodeProgressed(client, event),
    'message-created': ({ conversationId, message }) => {
      messageReceived(client, message)
      // Their message is what they were typing: the indicator goes at once, not when it expires.
      if (message.sender) typingStopped(client, conversationId, message.sender.id)
    },
    'attachment-progress': event => attachmentProgressed(client, event),
    // The media library (the owner's channel): a file changed, left, or is uploading.
    'media-updated': ({ item }) => mediaChanged(client, item),
    'media-removed': ({ mediaId }) => {
      removeMediaItem(client, mediaId)
      void client.invalidateQueries({ queryKey: mediaKeys.trash() })
      void client.invalidateQueries({ queryKey: courseFileKeys.all })
    },
    'library-upload-progress': event => libraryUploadProgressed(client, event),
    'media:created': () => {
      void client.invalidateQueries({ queryKey: mediaKeys.lists() })
      void client.invalidateQueries({ queryKey: mediaKeys.unfinished() })
    },
    'attachment-updated': event => attachmentUpdated(client, event),
    // This tab created an attachment upload: the composer lists it before the server's event.
    'attachment:created': ({ conversationId }) => void client.invalidateQueries({ queryKey: conversationKeys.unsentAttachments(conversationId) }),
    // Who may read a message changed: its access moves in place, or it arrives (shared with me)…
    'message-access-changed': ({ message }) => {
      messageChanged(client, message)
      void client.invalidateQueries({ queryKey: observerKeys.visibility(message.id) })
    },
    // …or it leaves (no longer shared with me).
    'message-hidden': ({ conversationId, messageId }) => messageHidden(client, conversationId, messageId),
    // I linked or unlinked an observer in another tab.
    'observers-changed': ({ studentId }) => {
      void client.invalidateQueries({ queryKey: observerKeys.list(studentId) })
      void client.invalidateQueries({ queryKey: observerKeys.visibilities() })
    },
    'conversation-read': event => readStateMoved(client, event),
    'typing': event => typingStarted(client, event),
    'presence-changed': event => presenceChanged(client, event),
    // One of my conversations moved (a message, or I read it in another tab): the list refetches.
    'conversation-touched': () => void client.invalidateQueries({ queryKey: conversationKeys.list() }),
    'student-updated': ({ courseId, student }) => studentSaved(client, courseId, student),
    'student-removed': ({ courseId, userId }) => studentRemoved(client, courseId, userId),
    // This tab started an upload: its new lesson row shows even before the server's event.
    'upload:created': ({ courseId }) => void client.invalidateQueries({ queryKey: chapterKeys.list(courseId) }),
    // The refusal's own answer, not only the socket's event: an outline refetch started by
    // upload:created may still be under way with the lesson in it. Invalidating cancels it.
    'upload:refused': ({ courseId, lessonId }) => {
      if (lessonId) outlineDeleted(client, courseId, { chapterIds: [], lessonIds: [lessonId] })
      void client.invalidateQueries({ queryKey: chapterKeys.list(courseId) })
    },
    // Back after an outage: refetch everything on screen, so nothing missed stays missing.
    'socket:resync': () => void client.invalidateQueries(),
    // Subscribed now: what was fetched before may have missed an event in the meantime.
    'channel:subscribed': ({ channel, staleBefore }) => catchUpChannel(client, channel, staleBefore),
    'channel:dropped': ({ channel }) => {
      const parsed = parseChannel(channel)
      if (parsed?.kind === 'course') void client.invalidateQueries({ queryKey: courseKeys.detail(parsed.id) })
      // No longer allowed to read it (an observer unlinked): the stream refetches into "not found".
      if (parsed?.kind === 'conversation') void client.invalidateQueries({ queryKey: conversationKeys.stream(parsed.id) })
    },
  }

  function lessonKnown(courseId: string, lessonId: string): boolean {
    return !!client.getQueryData<Chapter[]>(chapterKeys.list(courseId))?.some(c => c.lessons.some(v => v.id === lessonId))
  }

  // An event written into a query while that query is being fetched: the answer on its way may have
  // been read before the event (a file shown "ready" by its event, then "uploading" again by a
  // list fetched a moment earlier, for good). Such a fetch starts over, so its answer comes after
  // the event. Progress is left out: it comes many times a second and the next one mends it, while
  // restarting a fetch for each could keep it from ever finishing.
  const restart = new Set<Query>()
  let writingState = false
  const bound = Object.entries(handlers).map(([type, handler]) => {
    const run = (event: unknown) => {
      writingState = !ONGOING.has(type)
      try {
        (handler as (event: unknown) => void)(event)
      }
      finally {
        writingState = false
      }
      for (const query of restart) void query.fetch(undefined, { cancelRefetch: true }).catch(() => {})
      restart.clear()
    }
    observer.on(type as never, run as never)
    return [type, run] as const
  })
  // When an outline is fetched, progress that beat its new lesson rows catches up.
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (writingState && event.type === 'updated' && event.action.type === 'success' && event.action.manual && event.query.state.fetchStatus === 'fetching')
      restart.add(event.query)
    const key = event.query.queryKey
    // Fetched data only (not our own setQueryData writes, which would loop back here).
    if (event.type === 'updated' && event.action.type === 'success' && !event.action.manual && key[0] === chapterKeys.all[0] && typeof key[2] === 'string')
      applyWaitingProgress(client, key[2])
  })
  return () => {
    unsubscribe()
    for (const [type, run] of bound) observer.off(type as never, run as never)
  }
}
