// Turns the learning domain's events into the conversation's activity and milestone messages:
// enrolled and lesson completed become activity; course completed, a milestone. The pair is the
// student and the course's instructor (their one conversation is created on first enrolment).
import type { DomainEvent } from '../events'
import { useDb } from '../../utils/db'
import { writeSystemMessage } from '../../services/conversation/write-activity-message'

export async function writeConversationActivity(event: DomainEvent): Promise<void> {
  if (event.type === 'enrollment-removed' || event.type === 'lesson-uncompleted') return
  const course = await useDb().course.findUnique({ where: { id: event.courseId }, select: { title: true, ownerId: true } })
  if (!course || course.ownerId === event.userId) return
  const pair = { studentId: event.userId, instructorId: course.ownerId, courseId: event.courseId, at: event.at }
  if (event.type === 'enrollment-created') {
    await writeSystemMessage({ ...pair, message: { type: 'ACTIVITY_LOG', body: `Enrolled in ${course.title}`, payload: { v: 1, event: 'enrolled', courseTitle: course.title } } })
  }
  else if (event.type === 'lesson-completed') {
    const lesson = await useDb().video.findUnique({ where: { id: event.videoId }, select: { title: true } })
    await writeSystemMessage({ ...pair, message: { type: 'ACTIVITY_LOG', body: `Completed “${lesson?.title ?? 'a lesson'}” in ${course.title}`, payload: { v: 1, event: 'lesson-completed', courseTitle: course.title, lessonTitle: lesson?.title } } })
  }
  else if (event.type === 'course-completed') {
    await writeSystemMessage({ ...pair, message: { type: 'MILESTONE', body: `Completed the course ${course.title}`, payload: { v: 1, kind: 'course-completed', courseTitle: course.title } } })
  }
}
