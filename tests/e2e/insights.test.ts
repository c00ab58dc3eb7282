import { describe, expect, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import type { ConversationSummary } from '../../shared/types/conversation'
import { data, signedUp } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { refreshInsights } from '../support/insights'

describe('conversation insights in the browser', () => {
  it('shows each student\'s messages by type with a chart, and focuses the chart on one student', async () => {
    const instructor = await signedUp()
    const course = data(await instructor.post<Course>('/api/courses', { title: 'Insightful Course', category: 'Design' }))
    const chapter = data(await instructor.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
    await instructor.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' })
    await instructor.post(`/api/courses/${course.id}/publish`, {})
    const student = await signedUp({ role: 'STUDENT', name: 'Noor Notes' })
    await student.post(`/api/catalog/${course.slug}/enrol`)
    const [conversation] = data(await student.get<ConversationSummary[]>('/api/conversations'))
    const today = new Date().toISOString().slice(0, 10)
    for (const body of ['one', 'two']) await student.post(`/api/conversations/${conversation!.id}/messages`, { type: 'DAILY_NOTE', body, targetDate: today, clientKey: `k-note-${body}-${Date.now()}` })
    await instructor.post(`/api/conversations/${conversation!.id}/messages`, { type: 'INSTRUCTOR_RESPONSE', body: 'answer', targetDate: today, clientKey: `k-answer-${Date.now()}` })

    await refreshInsights()
    const page = await newPage(instructor)
    await visit(page, '/studio')
    await page.getByRole('link', { name: 'Conversation insights' }).click()
    await page.getByTestId('insights-computed-at').getByText(/^Updated /).waitFor()
    const row = page.getByRole('row', { name: /Noor Notes/ })
    await row.waitFor()
    expect((await row.getByRole('cell').allInnerTexts()).slice(0, 5)).toEqual(['2', '1', '1', '0', '0'])
    await expect.poll(() => page.locator('canvas').count()).toBe(1)
    await page.getByRole('figure').getByText('All students, per week').waitFor()
    await row.getByRole('button', { name: 'Chart' }).click()
    await page.getByRole('figure').getByText('Noor Notes, per week').waitFor()
    await page.getByRole('link', { name: '4 weeks' }).click()
    await page.waitForURL(url => new URL(url).searchParams.get('weeks') === '4')
    await row.waitFor()
  })
})
