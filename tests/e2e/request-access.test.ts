// "Request access" in Chromium: a student on a priced course's page asks, lands in the
// conversation with the instructor, where the request names the course; the instructor enrols
// them in one click, and the button becomes "Enrolled" there and, live, in their other tab.
import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import type { MyLearningItem } from '../../shared/types/learning'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'

const bubble = (page: Page, text: string | RegExp) => page.getByTestId('message').filter({ hasText: text })

async function chatTab(client: ApiClient, path: string) {
  const page = await newPage(client)
  await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
  await visit(page, path)
  return page
}

it('takes a student\'s request to the instructor, who enrols them in one click', async () => {
  const instructor = await signedUp({ name: 'Noor Instructor' })
  const title = `Bookkeeping ${randomBytes(3).toString('hex')}`
  const course = data(await instructor.post<Course>('/api/courses', { title, category: 'Business' }))
  data(await instructor.patch(`/api/courses/${course.id}`, { priceCents: 2900 }))
  const chapter = data(await instructor.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Ledgers' }))
  data(await instructor.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Debits and credits' }))
  data(await instructor.post(`/api/courses/${course.id}/publish`, {}))
  const student = await signedUp({ role: 'STUDENT', name: 'Kai Student' })

  const studentPage = await newPage(student)
  await visit(studentPage, `/courses/${course.slug}`)
  await studentPage.getByRole('button', { name: 'Request access' }).click()
  await studentPage.waitForURL(url => new URL(url).pathname.startsWith('/messages/'))
  const conversationPath = new URL(studentPage.url()).pathname
  await bubble(studentPage, `Kai Student asked for access to ${title}`).waitFor()
  // The student has no enrol button; only the instructor does.
  expect(await studentPage.getByRole('button', { name: /^Enrol / }).count()).toBe(0)

  const [first, second] = await Promise.all([chatTab(instructor, conversationPath), chatTab(instructor, conversationPath)])
  const request = bubble(first, `asked for access to ${title}`)
  await request.getByRole('button', { name: 'Enrol Kai Student' }).click()
  await request.getByRole('status').filter({ hasText: 'Enrolled' }).waitFor()
  // The other tab learns it through the socket: the enrolment's own activity message arrives.
  await bubble(second, `Enrolled in ${title}`).waitFor()
  await bubble(second, `asked for access to ${title}`).getByRole('status').filter({ hasText: 'Enrolled' }).waitFor()
  expect(await bubble(second, `asked for access to ${title}`).getByRole('button', { name: 'Enrol Kai Student' }).count()).toBe(0)

  expect(data(await student.get<MyLearningItem[]>('/api/learn')).map(item => item.course.slug)).toEqual([course.slug])
  // Back on the course page, the student is in.
  await visit(studentPage, `/courses/${course.slug}`)
  await studentPage.getByRole('link', { name: 'Go to the course' }).waitFor()
}, 90_000) // three tabs and a socket round trip on a shared two-core machine
