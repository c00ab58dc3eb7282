// Observer → Vue Query: the only place socket events reach the cache.
import type { QueryClient } from '@tanstack/vue-query'
import { parseChannel } from '#shared/realtime/channels'
import { courseDeleted, courseRestored, courseSaved } from '../queries/course-cache'
import { courseKeys } from '../queries/course-keys'
import { chapterSaved, outlineDeleted, outlineReordered, videoSaved } from '../queries/outline-cache'
import type { ObserverEvents, RealtimeObserver } from './observer'

type Handlers = { [K in keyof ObserverEvents]?: (event: ObserverEvents[K]) => void }

export function registerCacheUpdaters(observer: RealtimeObserver, client: QueryClient): () => void {
  const handlers: Handlers = {
    'course-created': ({ course }) => courseSaved(client, course),
    'course-updated': ({ course }) => courseSaved(client, course),
    'course-deleted': ({ course }) => courseDeleted(client, course),
    'course-restored': ({ course }) => courseRestored(client, course),
    'chapter-saved': ({ courseId, chapter }) => chapterSaved(client, courseId, chapter),
    'video-saved': ({ courseId, video }) => videoSaved(client, courseId, video),
    'outline-deleted': ({ courseId, chapterIds, videoIds }) => outlineDeleted(client, courseId, { chapterIds, videoIds }),
    'outline-reordered': ({ courseId, order }) => outlineReordered(client, courseId, order),
    // Back after an outage: refetch everything on screen, so nothing missed stays missing.
    'socket:resync': () => void client.invalidateQueries(),
    'channel:dropped': ({ channel }) => {
      const parsed = parseChannel(channel)
      if (parsed?.kind === 'course') void client.invalidateQueries({ queryKey: courseKeys.detail(parsed.id) })
    },
  }

  for (const [type, handler] of Object.entries(handlers)) observer.on(type as never, handler as never)
  return () => {
    for (const [type, handler] of Object.entries(handlers)) observer.off(type as never, handler as never)
  }
}
