import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'

const outlineOf = async (owner: ApiClient, courseId: string) =>
  data(await owner.get<Chapter[]>(`/api/courses/${courseId}/chapters`)).map(c => [c.title, c.lessons.map(v => v.title)])

async function courseWithOutline(owner: ApiClient, outline: [string, string[]][]) {
  const course = data(await owner.post<Course>('/api/courses', { title: 'Selecting Lessons', category: 'Design' }))
  for (const [chapterTitle, lessons] of outline) {
    const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: chapterTitle }))
    for (const lesson of lessons) data(await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: lesson }))
  }
  return course
}

const lessonRow = (page: Page, title: string) => page.locator('li.lesson').filter({ has: page.getByRole('button', { name: `${title}, rename lesson` }) })
const box = (page: Page, title: string) => page.getByRole('checkbox', { name: `Select lesson “${title}”` })
/** The titles of the selected lessons, in the order on screen. */
const selected = (page: Page) => page.locator('li.lesson.selected button.title').allTextContents().then(titles => titles.map(t => t.trim()))
const bar = (page: Page) => page.getByTestId('lesson-selection-bar')

describe('selecting several lessons in the course editor', () => {
  it('selects with boxes, Shift ranges across chapters and Ctrl, moves them to a chapter in one go, then marks a dragged rectangle for delete and saves', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['One', ['a1', 'a2', 'a3']], ['Two', ['b1', 'b2']], ['Three', ['c1']]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)

    await box(page, 'a1').click()
    await page.keyboard.down('Shift')
    await box(page, 'b1').click() // the range follows the screen, across the chapter boundary
    await page.keyboard.up('Shift')
    expect(await selected(page)).toEqual(['a1', 'a2', 'a3', 'b1'])
    // Ctrl+click on the row's empty space (not its title, handle or buttons) toggles it.
    const a2 = (await lessonRow(page, 'a2').boundingBox())!
    await page.keyboard.down('Control')
    await page.mouse.click(a2.x + a2.width - 4, a2.y + a2.height / 2)
    await page.keyboard.up('Control')
    expect(await selected(page)).toEqual(['a1', 'a3', 'b1'])
    await bar(page).getByText('3 lessons selected').waitFor()

    // One move for all three, to the end of chapter Three, in the order they were on screen.
    const moved = page.waitForResponse(r => r.url().endsWith('/outline/order') && r.request().method() === 'PUT')
    await bar(page).getByLabel('Move to chapter').selectOption({ label: '3. Three' })
    expect((await moved).ok()).toBe(true)
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['One', ['a2']], ['Two', ['b2']], ['Three', ['c1', 'a1', 'a3', 'b1']]])
    expect(await selected(page)).toEqual(['a1', 'a3', 'b1'])

    // Renaming by a click on the title still works beside the selection (and selects nothing).
    await page.getByRole('button', { name: 'a2, rename lesson' }).click()
    await page.getByLabel('New title of the lesson “a2”').waitFor()
    await page.keyboard.press('Escape')
    await bar(page).getByRole('button', { name: 'Clear selection' }).click()
    expect(await selected(page)).toEqual([])

    // A rectangle from the empty space left of chapter Three's rows, down to the middle of a1's row.
    const c1 = (await lessonRow(page, 'c1').boundingBox())!
    const a1 = (await lessonRow(page, 'a1').boundingBox())!
    await page.mouse.move(c1.x - 14, c1.y - 4)
    await page.mouse.down()
    await page.mouse.move(c1.x + 20, a1.y + a1.height / 2, { steps: 8 })
    await page.getByTestId('selection-rectangle').waitFor()
    await page.mouse.up()
    expect(await selected(page)).toEqual(['c1', 'a1'])

    await bar(page).getByRole('button', { name: 'Mark for delete' }).click()
    await page.getByRole('button', { name: 'Undo delete of lesson “c1”' }).waitFor()
    await page.getByRole('button', { name: 'Undo delete of lesson “a1”' }).waitFor()
    expect(await lessonRow(page, 'c1').getAttribute('class')).toContain('pending')
    expect(await bar(page).getByText(/selected$/).count()).toBe(0) // back to the hint
    await page.getByRole('button', { name: 'Undo delete of lesson “c1”' }).click()
    const save = page.getByRole('button', { name: /^Save changes/ })
    expect(await save.textContent()).toContain('(1)')
    expect((await outlineOf(owner, course.id))[2]).toEqual(['Three', ['c1', 'a1', 'a3', 'b1']]) // nothing deleted before Save
    await save.click()
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor()
    expect(await outlineOf(owner, course.id)).toEqual([['One', ['a2']], ['Two', ['b2']], ['Three', ['c1', 'a3', 'b1']]])
  })

  it('selects from the keyboard on the boxes: Shift+arrows across chapters, Space, Ctrl+A, Esc, and Delete marks them', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['One', ['a1', 'a2']], ['Two', ['b1', 'b2']]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)

    await box(page, 'a2').focus()
    await page.keyboard.press('Space')
    expect(await selected(page)).toEqual(['a2'])
    await page.keyboard.press('Shift+ArrowDown')
    expect(await selected(page)).toEqual(['a2', 'b1'])
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Select lesson “b1”')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    expect(await selected(page)).toEqual(['a2', 'b1', 'b2'])
    await page.keyboard.press('Space')
    expect(await selected(page)).toEqual(['a2', 'b1'])
    await page.keyboard.press('Control+a')
    expect(await selected(page)).toEqual(['a1', 'a2', 'b1', 'b2'])
    await page.keyboard.press('Escape')
    expect(await selected(page)).toEqual([])

    await box(page, 'b2').focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('Delete')
    await page.getByRole('button', { name: 'Undo delete of lesson “b2”' }).waitFor()
    expect(await page.getByRole('button', { name: /^Save changes/ }).textContent()).toContain('(1)')
  })

  it('puts every selected lesson back with a toast when the server refuses the move', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['One', ['a1', 'a2']], ['Two', ['b1']]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.route('**/outline/order', route => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ success: false, error: { code: 'UNAVAILABLE', message: 'Database briefly away' } }) }))
    await box(page, 'a1').click()
    await box(page, 'a2').click()
    await bar(page).getByLabel('Move to chapter').selectOption({ label: '2. Two' })
    await page.locator('[data-sonner-toast]').filter({ hasText: 'The new order was not saved: Database briefly away' }).waitFor()
    const onScreen = await page.locator('li.chapter').evaluateAll(chapters => chapters.map(c => [...c.querySelectorAll('li.lesson button.title')].map(t => t.textContent!.trim())))
    expect(onScreen).toEqual([['a1', 'a2'], ['b1']])
    expect(await selected(page)).toEqual(['a1', 'a2'])
    expect(await outlineOf(owner, course.id)).toEqual([['One', ['a1', 'a2']], ['Two', ['b1']]])
  })
})
