// The course domain's live side, after its write has committed: studio lists follow on the
// owner's own channel (every tab they have open).
import type { RealtimeEventOf } from '#shared/realtime/events'
import { courseChannel, userChannel } from '#shared/realtime/channels'
import { broadcast, dropChannel } from '../../realtime/broadcast'

type CourseEvent = RealtimeEventOf<'course-created' | 'course-updated' | 'course-restored' | 'course-deleted'>

export function announceCourse(ownerId: string, event: CourseEvent): Promise<void> {
  return broadcast(userChannel(ownerId), event)
}

/** Whoever watched a deleted course (editor tabs, later its students) loses the subscription now. */
export function dropCourseWatchers(courseId: string): Promise<void> {
  return dropChannel(courseChannel(courseId), 'deleted')
}
