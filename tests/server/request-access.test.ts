// "Request access" to a priced course: a student's request lands once a day as an activity
// message in the pair's conversation; everyone else, and every other kind of course, is refused
// with a clear status and nothing is written. The instructor's one-click enrolment is the
// existing add-by-email enrolment, which writes its own "Enrolled in …" activity after it.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AccessRequestResult } from '../../shared/types/catalog'
import type { ConversationSummary, MessagePage } from '../../shared/types/conversation'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { ApiClient, data, signedUp } from '../support/api-client'

async function listedCourse(owner: ApiClient, { priceCents, publish = true }: { priceCents: number | null, publish?: boolean }): Promise<Course> {
  const course = data(await owner.post<Course>('/api/courses', { title: `Priced ${randomBytes(3).toString('hex')}`, category: 'Business' }))
  if (priceCents !== null) data(await owner.patch(`/api/courses/${course.id}`, { priceCents }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
  data(await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' }))
  if (publish) data(await owner.post(`/api/courses/${course.id}/publish`, {}))
  return course
}

const request = (client: ApiClient, slug: string) => client.post<AccessRequestResult>(`/api/catalog/${slug}/request-access`)
const streamOf = async (client: ApiClient, conversationId: string) => data(await client.get<MessagePage>(`/api/conversations/${conversationId}/messages`)).messages

describe('request access to a priced course', () => {
  let instructor: ApiClient
  let priced: Course
  beforeAll(async () => {
    instructor = await signedUp({ name: 'Pia Pricing' })
    priced = await listedCourse(instructor, { priceCents: 4900 })
  })

  it('opens the pair\'s conversation with an activity message naming the course, once a day however often the student asks', async () => {
    const student = await signedUp({ role: 'STUDENT', name: 'Ravi Requester' })
    const [first, second] = await Promise.all([request(student, priced.slug), request(student, priced.slug)])
    expect([first.status, second.status]).toEqual([200, 200])
    expect(data(first).conversationId).toBe(data(second).conversationId)
    expect(data(first).messageId).toBe(data(second).messageId)
    expect([data(first).created, data(second).created].sort()).toEqual([false, true])
    const again = data(await request(student, priced.slug))
    expect(again).toMatchObject({ messageId: data(first).messageId, created: false })

    const conversationId = data(first).conversationId
    expect(data(await instructor.get<ConversationSummary[]>('/api/conversations')).map(c => c.id)).toContain(conversationId)
    const requests = (await streamOf(instructor, conversationId)).filter(m => m.payload.event === 'access-requested')
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({
      type: 'ACTIVITY_LOG',
      courseId: priced.id,
      access: 'PARTICIPANTS',
      body: `Ravi Requester asked for access to ${priced.title}`,
      payload: { courseTitle: priced.title, studentName: 'Ravi Requester', studentEmail: student.user!.email.toLowerCase() },
    })
    expect((await streamOf(student, conversationId)).map(m => m.id)).toContain(requests[0]!.id)

    // The instructor's one click: the add-by-email enrolment, then the stream says "Enrolled in …".
    data(await instructor.post(`/api/courses/${priced.id}/students`, { email: requests[0]!.payload.studentEmail }))
    await expect.poll(async () => (await streamOf(instructor, conversationId)).some(m => m.payload.event === 'enrolled' && m.courseId === priced.id)).toBe(true)
    // Enrolled now: asking again is refused.
    const enrolled = await request(student, priced.slug)
    expect(enrolled.status).toBe(409)
    expect(enrolled.body).toMatchObject({ success: false, error: { code: 'CONFLICT' } })
  })

  it('refuses a visitor (401), an instructor (403), a free course (422) and a course that is not published (404), writing nothing', async () => {
    const student = await signedUp({ role: 'STUDENT' })
    const free = await listedCourse(instructor, { priceCents: null })
    const draft = await listedCourse(instructor, { priceCents: 1900, publish: false })
    const before = data(await instructor.get<ConversationSummary[]>('/api/conversations')).length

    expect((await request(new ApiClient(), priced.slug)).status).toBe(401)
    expect((await request(await signedUp({ name: 'Other Instructor' }), priced.slug)).status).toBe(403)
    expect((await request(instructor, priced.slug)).status).toBe(403)
    const freeAnswer = await request(student, free.slug)
    expect(freeAnswer.status).toBe(422)
    expect(freeAnswer.body).toMatchObject({ success: false, error: { code: 'UNPROCESSABLE', message: expect.stringContaining('free') } })
    expect((await request(student, draft.slug)).status).toBe(404)
    expect((await request(student, 'no-such-course-here')).status).toBe(404)
    expect((await request(student, 'Not%20A%20Slug')).status).toBe(400)

    expect(data(await instructor.get<ConversationSummary[]>('/api/conversations')).length).toBe(before)
    expect(data(await student.get<ConversationSummary[]>('/api/conversations'))).toEqual([])
  })
})
