import { describe, expect, inject, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import type { ConversationInsights } from '../../shared/types/insights'
import type { ConversationSummary } from '../../shared/types/conversation'
import { createMessage } from '../../prisma/seed/factories'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { refreshInsights } from '../support/insights'

const refreshWith = (body: unknown) => new ApiClient().request('POST', '/api/internal/jobs/insights:refresh', body, { headers: { authorization: `Bearer ${inject('internalToken')}` } })

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

    await refreshInsights()
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

describeWithDatabase('conversation insights medians', () => {
  /** PostgreSQL's percentile_cont(0.5): the middle value, or the two middle ones interpolated. */
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    const at = 0.5 * (sorted.length - 1)
    const lo = sorted[Math.floor(at)]!
    return Math.round(lo + (at - Math.floor(at)) * (sorted[Math.ceil(at)]! - lo))
  }

  it('are exact per student and week, per student, and per week across students, odd and even counts alike', async () => {
    const instructor = await signedUp()
    const students = [await enrolled(instructor, 'Di Median'), await enrolled(instructor, 'Ed Median')]
    const monday = new Date()
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 14) // two Mondays ago
    monday.setUTCHours(8, 0, 0, 0)
    // Seconds each note waited for its answer, per student, in the week two back and last week:
    // three and two notes, one and four; odd seconds, so halves are rounded as the route does.
    const waits = [[[3601, 7, 905], [61, 1000]], [[4001], [17, 5, 1001, 3333]]]
    for (const [s, { student }] of students.entries()) {
      const pair = { studentId: student.user!.id, instructorId: instructor.user!.id }
      for (const [w, week] of waits[s]!.entries()) {
        for (const [i, seconds] of week.entries()) {
          const noted = new Date(monday.getTime() + w * 7 * 86_400_000 + i * 86_400_000)
          await createMessage(testDb(), pair, { senderId: pair.studentId, type: 'DAILY_NOTE', body: 'note', at: noted })
          await createMessage(testDb(), pair, { senderId: pair.instructorId, type: 'INSTRUCTOR_RESPONSE', body: 'answer', at: new Date(noted.getTime() + seconds * 1000) })
        }
      }
    }

    await refreshInsights()
    const insights = data(await instructor.get<ConversationInsights>('/api/insights/conversations?weeks=4'))
    const weeks = [0, 1].map(w => new Date(monday.getTime() + w * 7 * 86_400_000).toISOString().slice(0, 10))
    for (const [s, { conversation }] of students.entries()) {
      const figures = insights.students.find(x => x.conversationId === conversation.id)!
      expect(figures.medianResponseSeconds).toBe(median(waits[s]!.flat()))
      for (const [w, week] of weeks.entries())
        expect(figures.weeks.find(x => x.week === week)!.medianResponseSeconds).toBe(median(waits[s]![w]!))
    }
    for (const [w, week] of weeks.entries())
      expect(insights.overall.find(x => x.week === week)!.medianResponseSeconds).toBe(median(waits.flatMap(student => student[w]!)))
    expect(insights.overall.at(-1)!.medianResponseSeconds).toBeNull()
  })
})

describeWithDatabase('conversation insights come from the summaries the job keeps', () => {
  const read = async (client: ApiClient, conversationId: string) => {
    const insights = data(await client.get<ConversationInsights>('/api/insights/conversations?weeks=4'))
    return { computedAt: insights.computedAt, student: insights.students.find(s => s.conversationId === conversationId)! }
  }
  const summaryRows = (conversationId: string) => testDb().$queryRaw<{ xmin: string, day: Date, type: string, messages: number }[]>`
    SELECT xmin::text AS xmin, day, type::text AS type, messages FROM "ConversationDayCount" WHERE "conversationId" = ${conversationId} ORDER BY day, type`
  const watermark = async () => (await testDb().insightsRefresh.findUniqueOrThrow({ where: { kind: 'conversations' } })).lastSeq

  it('messages written after a refresh move nothing until the job runs again, then they do', async () => {
    const instructor = await signedUp()
    const { student, conversation } = await enrolled(instructor, 'Bo Later')
    const pair = { studentId: student.user!.id, instructorId: instructor.user!.id }
    await refreshInsights()
    // Holding the job's lock, so no run (scheduled, or another test file's) lands in between.
    const hourAgo = new Date(Date.now() - 3_600_000)
    const before = await testDb().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT kind FROM "InsightsRefresh" WHERE kind = 'conversations' FOR UPDATE`
      const before = await read(instructor, conversation.id)
      await createMessage(testDb(), pair, { senderId: pair.studentId, type: 'DAILY_NOTE', body: 'late', at: hourAgo })
      await createMessage(testDb(), pair, { senderId: pair.instructorId, type: 'INSTRUCTOR_RESPONSE', body: 'answer', at: new Date(hourAgo.getTime() + 1_800_000) })
      expect(await read(instructor, conversation.id)).toEqual(before)
      return before
    }, { timeout: 30_000 })
    expect(before.computedAt).toEqual(expect.any(String))
    expect(before.student.totals).toMatchObject({ DAILY_NOTE: 0, INSTRUCTOR_RESPONSE: 0, ACTIVITY_LOG: 1 })

    await refreshInsights()
    const after = await read(instructor, conversation.id)
    expect(after.student.totals).toMatchObject({ DAILY_NOTE: 1, INSTRUCTOR_RESPONSE: 1, ACTIVITY_LOG: 1 })
    expect(after.student.medianResponseSeconds).toBe(1800)
    expect(Date.parse(after.computedAt!)).toBeGreaterThanOrEqual(Date.parse(before.computedAt!))
  })

  it('folds in only the rows after the watermark, whatever their date, and a second run adds nothing', async () => {
    const instructor = await signedUp()
    const { student, conversation } = await enrolled(instructor, 'Cy Increment')
    const pair = { studentId: student.user!.id, instructorId: instructor.user!.id }
    await refreshInsights()
    const mark = await watermark()
    const rowsBefore = await summaryRows(conversation.id)

    // Written after the refresh but dated two weeks back (an import, a fixture): the watermark is
    // the insertion order, not the date, so the next run still counts it.
    const twoWeeksAgo = new Date(Date.now() - 14 * 86_400_000)
    const old = await createMessage(testDb(), pair, { senderId: pair.studentId, type: 'DAILY_NOTE', body: 'back-dated', at: twoWeeksAgo })
    const now = await createMessage(testDb(), pair, { senderId: pair.studentId, type: 'DAILY_NOTE', body: 'today', at: new Date() })
    expect(old.seq).toBeGreaterThan(mark)
    await refreshInsights()
    const next = await watermark()
    expect(next).toBeGreaterThanOrEqual(now.seq)

    // The enrolment's activity row, untouched by the run: the same row version (xmin) as before.
    const rowsAfter = await summaryRows(conversation.id)
    expect(rowsAfter.filter(r => r.type === 'ACTIVITY_LOG')).toEqual(rowsBefore.filter(r => r.type === 'ACTIVITY_LOG'))
    expect(rowsAfter.filter(r => r.type === 'DAILY_NOTE').map(r => r.messages)).toEqual([1, 1])
    const { student: figures } = await read(instructor, conversation.id)
    expect(figures.totals).toMatchObject({ DAILY_NOTE: 2, ACTIVITY_LOG: 1 })

    // Nothing new for this conversation: a run leaves its rows as they were (not rewritten).
    await refreshInsights()
    await refreshInsights()
    expect(await summaryRows(conversation.id)).toEqual(rowsAfter)
    expect((await read(instructor, conversation.id)).student.totals).toEqual(figures.totals)
  })

  it('the job endpoint refuses without the internal token and a bad payload', async () => {
    expect((await new ApiClient().post('/api/internal/jobs/insights:refresh', { settleSeconds: 0 })).status).toBe(401)
    expect((await refreshWith({ settleSeconds: -1 })).status).toBe(400)
    expect((await refreshWith({ settleSeconds: 'soon' })).status).toBe(400)
  })
})
