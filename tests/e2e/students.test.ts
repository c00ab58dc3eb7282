import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import type { Chapter, Lesson } from '../../shared/types/outline'
import type { StudentRow } from '../../shared/types/student'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { liveTab } from '../support/live-tab'
import { describeWithDatabase, testDb } from '../support/database'

async function courseWithLessons(owner: ApiClient, title: string, outline: [string, string[]][] = []) {
  const course = data(await owner.post<Course>('/api/courses', { title, category: 'Design' }))
  const lessons: Lesson[] = []
  for (const [chapterTitle, titles] of outline) {
    const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: chapterTitle }))
    for (const lesson of titles) lessons.push(data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: lesson })))
  }
  return { course, lessons }
}

const studentsPath = (courseId: string) => `/api/courses/${courseId}/students`
const addVia = async (owner: ApiClient, courseId: string, email: string) => data(await owner.post<StudentRow>(studentsPath(courseId), { email }))
const toast = (page: Page, text: string | RegExp) => page.locator('[data-sonner-toast]').filter({ hasText: text })
const studentRow = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) })

describe('the students page', () => {
  it('opens from the editor, adds a student by email with the form\'s and the server\'s errors, and goes back', async () => {
    const owner = await signedUp()
    const { course } = await courseWithLessons(owner, 'Priced Draft Course')
    data(await owner.patch(`/api/courses/${course.id}`, { priceCents: 2500 }))
    const student = await signedUp({ role: 'STUDENT', name: 'Ada Lovelace' })
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)

    await page.getByRole('navigation', { name: 'Course sections' }).getByRole('link', { name: 'Students' }).click()
    await page.waitForURL(`**/studio/courses/${course.id}/students`)
    await page.getByRole('heading', { name: 'No students yet' }).waitFor()

    const email = page.getByLabel('Add student by email')
    const submit = page.getByRole('button', { name: 'Add student' })
    // Checked before anything is sent…
    await email.fill('not an email')
    await submit.click()
    await page.getByRole('alert').filter({ hasText: 'Enter an email address like name@example.com' }).waitFor()
    // …and refused by the server, under the same input.
    await email.fill('nobody-by-this-name@example.test')
    await email.press('Enter')
    await page.getByRole('alert').filter({ hasText: 'No Lectern account uses nobody-by-this-name@example.test' }).waitFor()
    expect(await email.getAttribute('aria-invalid')).toBe('true')

    await email.fill(student.user!.email)
    await email.press('Enter')
    const row = studentRow(page, 'Ada Lovelace')
    await row.waitFor()
    await toast(page, 'Ada Lovelace can now take this course').waitFor()
    await expect.poll(() => email.inputValue()).toBe('') // cleared for the next one
    await row.getByText('Added by you').waitFor()
    expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0')
    expect(data(await owner.get<StudentRow[]>(studentsPath(course.id))).map(s => s.email)).toEqual([student.user!.email])

    // The same email again: the server says so under the input, and the list keeps one row.
    await email.fill(student.user!.email)
    await email.press('Enter')
    await page.getByRole('alert').filter({ hasText: 'already enrolled' }).waitFor()
    expect(await page.getByRole('row', { name: /Ada Lovelace/ }).count()).toBe(1)

    await page.getByRole('navigation', { name: 'Course sections' }).getByRole('link', { name: 'Editor' }).click()
    await page.waitForURL(url => url.pathname === `/studio/courses/${course.id}`)
    await page.getByRole('button', { name: 'Delete course' }).waitFor() // the editor's own header
  })

  it('updates live through the socket while another tab adds and removes students, without refetching', async () => {
    const owner = await signedUp()
    const { course } = await courseWithLessons(owner, 'Live Students Course')
    const early = await signedUp({ role: 'STUDENT', name: 'Early Bird' })
    await addVia(owner, course.id, early.user!.email)
    const { page, listRequests, subscribedToCourse } = await liveTab(owner, course.id)
    await visit(page, `/studio/courses/${course.id}/students`)
    await studentRow(page, 'Early Bird').waitFor()
    await subscribedToCourse()
    listRequests.length = 0

    // Another tab of the instructor (or, later, the student on the course page) enrols someone.
    const late = await signedUp({ role: 'STUDENT', name: 'Late Comer' })
    await addVia(owner, course.id, late.user!.email)
    await studentRow(page, 'Late Comer').waitFor({ timeout: 5000 })
    // Newest enrolment first, as the server lists them.
    await expect.poll(async () => (await page.getByRole('rowheader').allInnerTexts()).map(cell => cell.split('\n')[0])).toEqual(['Late Comer', 'Early Bird'])

    data(await owner.delete(`${studentsPath(course.id)}/${early.user!.id}`))
    await studentRow(page, 'Early Bird').waitFor({ state: 'detached', timeout: 5000 })
    await page.getByRole('heading', { name: /^Students/ }).filter({ hasText: '1' }).waitFor()
    expect(listRequests).toEqual([])
  })

  it('removes a student after confirmation, by keyboard too, and puts them back when the server refuses', async () => {
    const owner = await signedUp()
    const { course } = await courseWithLessons(owner, 'Removal Course')
    const keep = await signedUp({ role: 'STUDENT', name: 'Kept Student' })
    const gone = await signedUp({ role: 'STUDENT', name: 'Leaving Student' })
    await addVia(owner, course.id, keep.user!.email)
    await addVia(owner, course.id, gone.user!.email)
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}/students`)

    const remove = page.getByRole('button', { name: 'Remove Leaving Student' })
    const dialog = page.getByRole('dialog', { name: 'Remove this student?' })
    await remove.focus()
    await page.keyboard.press('Enter')
    await dialog.getByText(gone.user!.email).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await studentRow(page, 'Leaving Student').waitFor()

    // The connection drops as the removal is sent: the row comes back with a toast.
    await page.route(`**${studentsPath(course.id)}/*`, route => (route.request().method() === 'DELETE' ? route.abort('connectionreset') : route.continue()))
    await remove.click()
    await dialog.getByRole('button', { name: 'Remove student' }).click()
    await toast(page, 'Leaving Student was not removed').waitFor()
    await studentRow(page, 'Leaving Student').waitFor()
    await page.unrouteAll()

    await remove.click()
    await dialog.getByRole('button', { name: 'Remove student' }).click()
    await toast(page, 'Leaving Student was removed from the course').waitFor()
    await studentRow(page, 'Leaving Student').waitFor({ state: 'detached' })
    // Focus stays in the list rather than falling to the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('students-heading')
    expect(data(await owner.get<StudentRow[]>(studentsPath(course.id))).map(s => s.userId)).toEqual([keep.user!.id])
  })

  it('shows an error with a retry when the list cannot be loaded', async () => {
    const owner = await signedUp()
    const { course } = await courseWithLessons(owner, 'Flaky Network Course')
    const student = await signedUp({ role: 'STUDENT', name: 'Patient Student' })
    await addVia(owner, course.id, student.user!.email)
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    // Client-side navigation, so the list is fetched by the browser (not rendered on the server).
    await page.route(`**${studentsPath(course.id)}`, route => route.abort('connectionreset'))
    await page.getByRole('link', { name: 'Students', exact: true }).click()
    await page.getByRole('heading', { name: 'The students could not be loaded' }).waitFor()
    await page.unrouteAll()
    await page.getByRole('button', { name: 'Try again' }).click()
    await studentRow(page, 'Patient Student').waitFor()
  })

  it('is for the course\'s owner: another instructor sees that it is not available', async () => {
    const owner = await signedUp()
    const { course } = await courseWithLessons(owner, 'Not Yours Course')
    const page = await newPage(await signedUp())
    await visit(page, `/studio/courses/${course.id}/students`)
    await page.getByRole('heading', { name: 'This course isn’t available' }).waitFor()
  })
})

describeWithDatabase('the students page: progress', () => {
  it('shows each student\'s progress and lesson-by-lesson completion in outline order', async () => {
    const owner = await signedUp()
    const { course, lessons } = await courseWithLessons(owner, 'Progress Course', [['Start', ['Welcome', 'Setup']], ['Next', ['Deep dive']]])
    const student = await signedUp({ role: 'STUDENT', name: 'Halfway There' })
    await addVia(owner, course.id, student.user!.email)
    // Progress is recorded by the player (another part of Lectern); the test writes it directly.
    const enrollment = await testDb().enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: student.user!.id } } })
    for (const lesson of [lessons[0]!, lessons[2]!]) await testDb().lessonProgress.create({ data: { enrollmentId: enrollment.id, videoId: lesson.id, completedAt: new Date() } })

    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}/students`)
    const row = studentRow(page, 'Halfway There')
    expect(await row.getByRole('progressbar', { name: 'Halfway There’s progress' }).getAttribute('aria-valuenow')).toBe('67')
    const ticks = row.getByRole('list', { name: 'Lessons completed: 2 of 3' })
    expect(await ticks.getByRole('listitem').allTextContents()).toEqual([
      '✓Welcome: completed',
      'Setup: not completed',
      '✓Deep dive: completed',
    ])
  })
})
