// The outline's live side, after its write has committed: every editor of the course (its channel)
// gets the chapter or lesson as saved, the deletes, the new order. Media and uploads announce a
// lesson whose video changed through here too.
import type { RealtimeEventOf } from '#shared/realtime/events'
import { courseChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'

type OutlineEvent = RealtimeEventOf<'chapter-saved' | 'lesson-saved' | 'outline-deleted' | 'outline-reordered'>

export function announceOutline(event: OutlineEvent): Promise<void> {
  return broadcast(courseChannel(event.courseId), event)
}
