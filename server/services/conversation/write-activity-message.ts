// Messages Lectern writes into a conversation from what a student does in a course: activity
// (enrolled, lesson completed) and milestones (course completed). The pair is the student and the
// course's instructor (their one conversation is created on first enrolment). Shared with the
// student's observers by default, as the issue asks; no sender; written with the day it happened
// as their targetDate. Learning services call this after their commit (announce-learning.ts).
import type { MessagePayload } from '#shared/schemas/conversation'
import { useDb } from '../../database/db'
import { announceMessage } from './announce-conversation'
import { ensureConversation } from './ensure-conversation'
import { fromSelectedMessage, messageSelect, toChatMessage } from './message-dto'

export type LearningActivity
  = | { kind: 'enrolled', courseId: string, studentId: string, at: Date }
    | { kind: 'lesson-completed', courseId: string, studentId: string, lessonId: string, at: Date }
    | { kind: 'course-completed', courseId: string, studentId: string, at: Date }

type SystemMessage
  = | { type: 'ACTIVITY_LOG', body: string, payload: MessagePayload<'ACTIVITY_LOG'> }
    | { type: 'MILESTONE', body: string, payload: MessagePayload<'MILESTONE'> }

export async function writeActivityMessage(activity: LearningActivity): Promise<void> {
  const course = await useDb().course.findUnique({ where: { id: activity.courseId }, select: { title: true, ownerId: true } })
  // An instructor previewing their own course has no conversation with themselves.
  if (!course || course.ownerId === activity.studentId) return
  let message: SystemMessage
  if (activity.kind === 'enrolled') {
    message = { type: 'ACTIVITY_LOG', body: `Enrolled in ${course.title}`, payload: { v: 1, event: 'enrolled', courseTitle: course.title } }
  }
  else if (activity.kind === 'lesson-completed') {
    const lesson = await useDb().video.findUnique({ where: { id: activity.lessonId }, select: { title: true } })
    message = { type: 'ACTIVITY_LOG', body: `Completed “${lesson?.title ?? 'a lesson'}” in ${course.title}`, payload: { v: 1, event: 'lesson-completed', courseTitle: course.title, lessonTitle: lesson?.title } }
  }
  else {
    message = { type: 'MILESTONE', body: `Completed the course ${course.title}`, payload: { v: 1, kind: 'course-completed', courseTitle: course.title } }
  }
  await writeSystemMessage({ studentId: activity.studentId, instructorId: course.ownerId, courseId: activity.courseId, at: activity.at, message })
}

async function writeSystemMessage({ studentId, instructorId, courseId, at, message }: { studentId: string, instructorId: string, courseId: string | null, at: Date, message: SystemMessage }): Promise<void> {
  const conversationId = await ensureConversation({ studentId, instructorId })
  const row = await useDb().message.create({
    data: { conversationId, senderId: null, type: message.type, body: message.body, payload: message.payload, targetDate: new Date(at.toISOString().slice(0, 10)), courseId, access: 'OBSERVERS', createdAt: at },
    select: messageSelect,
  })
  await useDb().conversation.update({ where: { id: conversationId }, data: { lastMessageAt: row.createdAt } })
  await announceMessage({ id: conversationId, studentId, instructorId }, toChatMessage(fromSelectedMessage(row)))
}
