// A student and an instructor who share a conversation, made the way people make one: the
// instructor publishes a free course and the student enrols (which opens the conversation). With
// PostgreSQL, an observer the instructor linked to the student can be added.
import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { ChatMessage, ConversationSummary } from '../../shared/types/conversation'
import type { Chapter } from '../../shared/types/outline'
import type { ApiClient } from './api-client'
import { data, signedUp } from './api-client'
import { testDb } from './database'

export const clientKey = () => `k-${randomBytes(6).toString('hex')}`
const today = () => new Date().toISOString().slice(0, 10)

export async function conversationPair({ instructorName = 'Iris Instructor', studentName = 'Sol Student' } = {}) {
  const instructor = await signedUp({ name: instructorName })
  const course = data(await instructor.post<Course>('/api/courses', { title: `Course ${clientKey()}`, category: 'Design' }))
  const chapter = data(await instructor.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
  await instructor.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' })
  expect((await instructor.post(`/api/courses/${course.id}/publish`, {})).status).toBe(200)
  const student = await signedUp({ role: 'STUDENT', name: studentName })
  expect((await student.post(`/api/catalog/${course.slug}/enrol`)).status).toBe(200)
  const [conversation] = data(await student.get<ConversationSummary[]>('/api/conversations'))
  return { instructor, student, course, conversationId: conversation!.id }
}

/** An observer linked to the pair's student by the pair's instructor (needs PostgreSQL: testDb). */
export async function linkedObserver(pair: { instructor: ApiClient, student: ApiClient }, name = 'Opal Observer'): Promise<ApiClient> {
  const observer = await observerAccount(name)
  await testDb().observerLink.create({ data: { observerId: observer.user!.id, studentId: pair.student.user!.id, instructorId: pair.instructor.user!.id } })
  return observer
}

type SendBody = Partial<Omit<ChatMessage, 'attachments' | 'reference'>> & { type: ChatMessage['type'], body: string, attachmentIds?: string[], referenceAttachmentId?: string }

export const sendMessage = (client: ApiClient, conversationId: string, body: SendBody) =>
  client.post<ChatMessage>(`/api/conversations/${conversationId}/messages`, { targetDate: today(), clientKey: clientKey(), ...body })

/**
 * An account with the OBSERVER role (needs PostgreSQL: testDb). Sign-up offers only instructor
 * and student, since observers are set up, not self-registered: the role is set afterwards.
 */
export async function observerAccount(name = 'Opal Observer'): Promise<ApiClient> {
  const observer = await signedUp({ role: 'STUDENT', name })
  await testDb().user.update({ where: { id: observer.user!.id }, data: { role: 'OBSERVER' } })
  observer.user!.role = 'OBSERVER'
  // A changed role ends the sessions granted for the old one: sign in again, as an observer.
  data(await observer.post('/api/auth/sign-in', { email: observer.user!.email, password: observer.user!.password }))
  return observer
}
