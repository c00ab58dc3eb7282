// Keeps the instructor's students page live: after any change about a student in a course
// (enrolled, removed, a lesson completed or uncompleted, the course completed), the student's row
// is read afresh and sent to the course's channel, whole, or as removed when the enrolment is
// gone. Sending the current row rather than a per-change patch means a client that missed an
// event is still right after the next one.
import { courseChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'
import { readStudentRow } from './student-dto'

/**
 * The last recompute per student, so recomputes for one student run in the order they were
 * asked for: the last row sent is then read after the last write, even when two requests about
 * the same student overlap (enrolled and removed at once would otherwise be able to leave a
 * removed student on screen).
 */
const pending = new Map<string, Promise<void>>()

async function sendStudentRow({ courseId, userId }: { courseId: string, userId: string }): Promise<void> {
  const student = await readStudentRow(courseId, userId)
  await broadcast(courseChannel(courseId), student
    ? { type: 'student-updated', courseId, student }
    : { type: 'student-removed', courseId, userId })
}

export function announceStudent(change: { courseId: string, userId: string }): Promise<void> {
  const key = `${change.courseId}:${change.userId}`
  const previous = pending.get(key) ?? Promise.resolve()
  // A failed recompute is logged by the caller (announce-learning.ts); it must not block the next one.
  const next = previous.catch(() => {}).then(() => sendStudentRow(change))
  pending.set(key, next)
  // Forget the student once nothing newer is queued, so the map only holds work in flight.
  void next.finally(() => {
    if (pending.get(key) === next) pending.delete(key)
  }).catch(() => {})
  return next
}
