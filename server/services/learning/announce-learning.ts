// What follows a learning write once it has committed: the student's row on the instructor's
// students page (the student domain), and for an enrolment or a completion the activity or
// milestone message in the pair's conversation (the conversation domain). Both run before the
// request answers, so a client that sees the answer can rely on them having gone out; a failure
// is logged and never becomes the request's (the write itself is saved).
import { writeActivityMessage } from '../conversation/write-activity-message'
import { announceStudent } from '../student/announce-student'

export type LearningChange
  = | { kind: 'enrolled' | 'removed' | 'course-completed', courseId: string, userId: string, at: Date }
    | { kind: 'lesson-completed' | 'lesson-uncompleted', courseId: string, userId: string, lessonId: string, at: Date }

function activityOf(change: LearningChange) {
  const { courseId, userId: studentId, at } = change
  if (change.kind === 'enrolled' || change.kind === 'course-completed') return { kind: change.kind, courseId, studentId, at }
  if (change.kind === 'lesson-completed') return { kind: change.kind, courseId, studentId, lessonId: change.lessonId, at }
  return null // removals and un-completions write no message
}

export async function announceLearning(change: LearningChange): Promise<void> {
  const activity = activityOf(change)
  const results = await Promise.allSettled([
    announceStudent(change),
    activity ? writeActivityMessage(activity) : undefined,
  ])
  for (const result of results) {
    if (result.status === 'rejected') console.error(`[learning] after ${change.kind}: an announcement failed:`, result.reason)
  }
}
