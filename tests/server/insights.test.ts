import { describe, expect, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import type { ConversationInsights } from '../../shared/types/insights'
import type { ConversationSummary } from '../../shared/types/conversation'
import { createMessage } from '../../prisma/seed/factories'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'

async function enrolled(instructor: ApiClient, name: string) {
  const course = data(await instructor.post<Course>('/api/courses', { title: `Insights ${name}`, category: 'Design' }))
  const chapter = data(await instructor.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
  await instructor.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' })
  await instructor.post(`/api/courses/${course.id}/publish`, {})
  const student = await signedUp({ role: 'STUDENT', name })
  await student.post(`/api/catalog/${course.slug}/enrol`)
  const [conversation] = data(await student.get<ConversationSummary[]>('/api/conversations'))
  return { student, conversation: conversation! }
}

describe('conversation insights refuse', () => {
  it('anyone but an instructor, and bad ranges', async () => {
    expect((await new ApiClient().get('/api/insights/conversations')).status).toBe(401)
    expect((await (await signedUp({ role: 'STUDENT' })).get('/api/insights/conversations')).status).toBe(403)
    expect((await (await signedUp()).get('/api/insights/conversations?weeks=7')).status).toBe(400)
  })
})

describeWithDatabase('conversation insights', () => {
  it('count messages by type per student and week, and the median time to answer a note, from metadata only', async () => {
    const instructor = await signedUp()
    const { student, conversation } = await enrolled(instructor, 'Ada Insight')
    const pair = { studentId: student.user!.id, instructorId: instructor.user!.id }
    const monday = new Date()
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7) // last week's Monday
    monday.setUTCHours(9, 0, 0, 0)
    const at = (hours: number) => new Date(monday.getTime() + hours * 3_600_000)
    // Two notes last week, answered after 1 h and 3 h: median 2 h. A note this week, unanswered.
    await createMessage(testDb(), pair, { senderId: pair.studentId, type: 'DAILY_NOTE', body: 'secret body one', at: at(0) })
    await createMessage(testDb(), pair, { senderId: pair.instructorId, type: 'INSTRUCTOR_RESPONSE', body: 'secret answer', at: at(1) })
    await createMessage(testDb(), pair, { senderId: pair.studentId, type: 'DAILY_NOTE', body: 'secret body two', at: at(48) })
    await createMessage(testDb(), pair, { senderId: pair.instructorId, type: 'INSTRUCTOR_RESPONSE', body: 'secret answer', at: at(51) })
    await createMessage(testDb(), pair, { senderId: pair.studentId, type: 'DAILY_NOTE', body: 'this week', at: new Date() })

    const insights = data(await instructor.get<ConversationInsights>('/api/insights/conversations?weeks=4'))
    expect(insights.weeks).toHaveLength(4)
    const lastWeek = monday.toISOString().slice(0, 10)
    const ada = insights.students.find(s => s.conversationId === conversation.id)!
    expect(ada).toMatchObject({ name: 'Ada Insight', medianResponseSeconds: 7200 })
    expect(ada.totals).toMatchObject({ DAILY_NOTE: 3, INSTRUCTOR_RESPONSE: 2, ACTIVITY_LOG: 1, attachments: 0 })
    expect(ada.weeks.find(w => w.week === lastWeek)).toMatchObject({ counts: { DAILY_NOTE: 2, INSTRUCTOR_RESPONSE: 2 }, medianResponseSeconds: 7200 })
    expect(ada.weeks.at(-1)).toMatchObject({ counts: { DAILY_NOTE: 1 }, medianResponseSeconds: null })
    expect(insights.overall.find(w => w.week === lastWeek)).toMatchObject({ medianResponseSeconds: 7200 })
    expect(JSON.stringify(insights)).not.toContain('secret')

    // Another instructor sees none of it.
    const other = data(await (await signedUp()).get<ConversationInsights>('/api/insights/conversations'))
    expect(other.students).toEqual([])
  })
})
