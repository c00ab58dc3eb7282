import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'

const outlineOf = async (owner: ApiClient, courseId: string) =>
  data(await owner.get<Chapter[]>(`/api/courses/${courseId}/chapters`)).map(c => [c.title, c.lessons.map(v => v.title)])

async function courseWithOutline(owner: ApiClient, outline: [string, string[]][], title = 'Outline Course') {
  const course = data(await owner.post<Course>('/api/courses', { title, category: 'Design' }))
  for (const [chapterTitle, lessons] of outline) {
    const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: chapterTitle }))
    for (const lesson of lessons) data(await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: lesson }))
  }
  return course
}

const toast = (page: Page, text: string | RegExp) => page.locator('[data-sonner-toast]').filter({ hasText: text })
const chapterRow = (page: Page, title: string) => page.locator('li.chapter').filter({ has: page.getByRole('button', { name: `${title}, rename chapter` }) })
const lessonRow = (page: Page, title: string) => page.locator('li.lesson').filter({ has: page.getByRole('button', { name: `${title}, rename lesson` }) })

/** A real pointer drag: press on the handle, move in steps over the target, release. */
async function drag(page: Page, handle: Locator, target: Locator, where: 'above' | 'below' = 'below') {
  // Middle of the viewport, clear of the sticky save bar at the bottom.
  await handle.evaluate(el => el.scrollIntoView({ block: 'center' }))
  const from = (await handle.boundingBox())!
  const to = (await target.boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  const y = where === 'below' ? to.y + to.height * 0.75 : to.y + to.height * 0.25
  const x = to.x + Math.min(60, to.width / 2)
  for (let step = 1; step <= 12; step++) await page.mouse.move(x, from.y + ((y - from.y) * step) / 12)
  await page.mouse.move(x, y + 1) // settle on the target
  await page.mouse.up()
}

describe('the course editor: outline', () => {
  it('builds a course: details, chapters, lessons, drag to reorder and across chapters, pending deletes, one Save', async () => {
    const owner = await signedUp()
    const course = data(await owner.post<Course>('/api/courses', { title: 'Built In The Browser', category: 'Design' }))
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)

    // Details: level, language and price, saved later with everything else.
    await page.getByLabel('Level').selectOption('BEGINNER')
    await page.getByLabel('Free course').uncheck()
    await page.getByLabel('Price in US dollars').fill('24.50')

    // Chapters and lessons, typed in one go, under the "Outline" heading (the glossary's word).
    await page.getByRole('region', { name: 'Outline', exact: true }).waitFor()
    const newChapter = page.getByLabel('Title of the new chapter')
    for (const title of ['Basics', 'Practice', 'Extras']) {
      await newChapter.fill(title)
      await newChapter.press('Enter')
    }
    await chapterRow(page, 'Extras').waitFor()
    await chapterRow(page, 'Basics').getByRole('button', { name: '+ Add lesson' }).click()
    const newLesson = page.getByLabel('Title of the new lesson')
    for (const title of ['Tools', 'Colour', 'Paper']) {
      await newLesson.fill(title)
      await newLesson.press('Enter')
    }
    await newLesson.press('Escape')
    await lessonRow(page, 'Paper').waitFor()
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['Basics', ['Tools', 'Colour', 'Paper']], ['Practice', []], ['Extras', []]])

    // Drag the "Extras" chapter above "Practice".
    await drag(page, chapterRow(page, 'Extras').locator('.chapter-handle'), chapterRow(page, 'Practice').locator('header'), 'above')
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['Basics', ['Tools', 'Colour', 'Paper']], ['Extras', []], ['Practice', []]])

    // Drag the "Paper" lesson into the empty "Practice" chapter.
    await drag(page, lessonRow(page, 'Paper').locator('.lesson-handle'), chapterRow(page, 'Practice').locator('ol.lessons'))
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['Basics', ['Tools', 'Colour']], ['Extras', []], ['Practice', ['Paper']]])

    // Mark deletes: nothing is deleted until Save.
    await page.getByRole('button', { name: 'Delete lesson “Colour”' }).click()
    await page.getByRole('button', { name: 'Delete chapter “Extras”' }).click()
    await page.getByRole('button', { name: 'Undo delete of chapter “Extras”' }).waitFor()
    const save = page.getByRole('button', { name: /^Save changes/ })
    expect(await save.textContent()).toContain('(4)') // level, price, two deletes
    expect((await outlineOf(owner, course.id)).length).toBe(3)

    await save.click()
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor()
    expect(await outlineOf(owner, course.id)).toEqual([['Basics', ['Tools']], ['Practice', ['Paper']]])
    expect(data(await owner.get<Course>(`/api/courses/${course.id}`))).toMatchObject({ level: 'BEGINNER', priceCents: 2450 })
    expect(await save.count()).toBe(0)
  })

  it('keeps every title of a fast typist: the next title typed before the last one was handled', async () => {
    const owner = await signedUp()
    const course = data(await owner.post<Course>('/api/courses', { title: 'Typed Fast', category: 'Design' }))
    await owner.post(`/api/courses/${course.id}/chapters`, { title: 'Only' })
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await chapterRow(page, 'Only').getByRole('button', { name: '+ Add lesson' }).click()
    // Three titles submitted in one task, as a fast typist on a busy machine does.
    await page.getByLabel('Title of the new lesson').evaluate((input: HTMLInputElement) => {
      for (const title of ['One', 'Two', 'Three']) {
        input.value = title
        input.dispatchEvent(new Event('input'))
        input.form!.requestSubmit()
      }
    })
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['Only', ['One', 'Two', 'Three']]])
  })

  it('reorders with the keyboard: Alt+↓ on a chapter, Alt+↑ on a lesson across chapters', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['One', ['a', 'b']], ['Two', ['c']]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await chapterRow(page, 'One').locator('.chapter-handle').focus()
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['Two', ['c']], ['One', ['a', 'b']]])
    // Focus stays on the moved chapter's handle, so the next key press moves it again.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('Move chapter “One”')

    await lessonRow(page, 'a').locator('.lesson-handle').focus()
    await page.keyboard.press('Alt+ArrowUp') // past the top of "One": to the end of "Two"
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['Two', ['c', 'a']], ['One', ['b']]])
    await page.getByText('Lesson “a” moved to position 2 in chapter “Two”.').waitFor({ state: 'attached' })
  })

  it('keeps focus on a moved lesson\'s handle, so Alt+↑ moves it two steps in a row, across a chapter too', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['One', ['a']], ['Two', ['b', 'c']]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    await lessonRow(page, 'c').locator('.lesson-handle').focus()

    await page.keyboard.press('Alt+ArrowUp')
    await page.getByText('Lesson “c” moved to position 1 in chapter “Two”.').waitFor({ state: 'attached' })
    await expect.poll(focused).toBe('Move lesson “c”: drag, or Alt+Up / Alt+Down')
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['One', ['a']], ['Two', ['c', 'b']]])

    // The second press goes to the same handle: past the top of "Two", to the end of "One".
    await page.keyboard.press('Alt+ArrowUp')
    await page.getByText('Lesson “c” moved to position 2 in chapter “One”.').waitFor({ state: 'attached' })
    await expect.poll(focused).toBe('Move lesson “c”: drag, or Alt+Up / Alt+Down')
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['One', ['a', 'c']], ['Two', ['b']]])

    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['One', ['c', 'a']], ['Two', ['b']]])
    await expect.poll(focused).toBe('Move lesson “c”: drag, or Alt+Up / Alt+Down')
  })

  it('renames inline: Enter saves, Esc cancels', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['Draft chapter', ['Draft lesson']]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.getByRole('button', { name: 'Draft chapter, rename chapter' }).click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Final chapter')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Draft lesson, rename lesson' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.type(' (not kept)')
    await page.keyboard.press('Escape')
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['Final chapter', ['Draft lesson']]])
    await page.getByRole('button', { name: 'Draft lesson, rename lesson' }).waitFor()
  })

  it('sends a rename again by itself when the line drops it, with no toast', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['Before the blip', []]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    let attempts = 0
    await page.route('**/api/chapters/*', route => (route.request().method() === 'PATCH' && attempts++ === 0
      ? route.abort('connectionreset')
      : route.continue()))
    await page.getByRole('button', { name: 'Before the blip, rename chapter' }).click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('After the blip')
    await page.keyboard.press('Enter')
    await expect.poll(() => outlineOf(owner, course.id)).toEqual([['After the blip', []]])
    expect(attempts).toBe(2)
    await page.getByRole('button', { name: 'After the blip, rename chapter' }).waitFor()
    expect(await toast(page, 'not renamed').count()).toBe(0)
  })

  it('adds a lesson once when the answer to its first attempt is lost: sent again with its key, no toast', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['Week one', ['Existing']]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    const keys: string[] = []
    await page.route('**/api/chapters/*/lessons', async (route) => {
      if (route.request().method() !== 'POST') return route.continue()
      keys.push(route.request().headers()['idempotency-key'] ?? '')
      if (keys.length > 1) return route.continue()
      await route.fetch() // the server adds the lesson…
      await route.abort('connectionreset') // …and its answer never arrives
    })
    await chapterRow(page, 'Week one').getByRole('button', { name: '+ Add lesson' }).click()
    await page.getByLabel('Title of the new lesson').fill('Added through the blip')
    await page.getByLabel('Title of the new lesson').press('Enter')
    await lessonRow(page, 'Added through the blip').waitFor()
    await expect.poll(() => keys.length).toBe(2)
    expect(keys[1]).toBe(keys[0])
    expect(keys[0]).toMatch(/^[\w-]{16,}$/)
    expect(await outlineOf(owner, course.id)).toEqual([['Week one', ['Existing', 'Added through the blip']]])
    await expect.poll(() => lessonRow(page, 'Added through the blip').count()).toBe(1)
    expect(await toast(page, 'not added').count()).toBe(0)
  })

  it('rolls a rename back with a toast when the server refuses it', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['Stable title', []]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.route('**/api/chapters/*', route => (route.request().method() === 'PATCH'
      ? route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ success: false, error: { code: 'CONFLICT', message: 'Refused by the test' } }) })
      : route.continue()))
    await page.getByRole('button', { name: 'Stable title, rename chapter' }).click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Refused title')
    await page.keyboard.press('Enter')
    await toast(page, 'The chapter was not renamed: Refused by the test').waitFor()
    await page.getByRole('button', { name: 'Stable title, rename chapter' }).waitFor()
    expect(await outlineOf(owner, course.id)).toEqual([['Stable title', []]])
  })

  it('rolls a move back with a toast when the server refuses it', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['Stays first', []], ['Stays second', []]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.route('**/outline/order', route => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ success: false, error: { code: 'UNAVAILABLE', message: 'Database briefly away' } }) }))
    await chapterRow(page, 'Stays first').locator('.chapter-handle').focus()
    await page.keyboard.press('Alt+ArrowDown')
    await toast(page, 'The new order was not saved: Database briefly away').waitFor()
    const titlesOnScreen = await page.locator('li.chapter header button[aria-label$="rename chapter"]').allTextContents()
    expect(titlesOnScreen.map(t => t.trim())).toEqual(['Stays first', 'Stays second'])
    expect(await outlineOf(owner, course.id)).toEqual([['Stays first', []], ['Stays second', []]])
  })

  it('keeps failed deletes pending and the saved details saved', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['Keep', ['k1']], ['Remove', []]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.route('**/outline/delete', route => route.abort('connectionreset'))
    await page.getByRole('button', { name: 'Delete chapter “Remove”' }).click()
    await page.getByLabel('Description', { exact: true }).fill('Details still save')
    await page.getByRole('button', { name: /^Save changes/ }).click()
    await toast(page, 'The deletions were not saved').waitFor()
    await page.getByRole('button', { name: 'Undo delete of chapter “Remove”' }).waitFor()
    await expect.poll(async () => data(await owner.get<Course>(`/api/courses/${course.id}`)).description).toBe('Details still save')
    expect(await page.getByRole('button', { name: /^Save changes/ }).textContent()).toContain('(1)')
    expect(await outlineOf(owner, course.id)).toEqual([['Keep', ['k1']], ['Remove', []]])
  })

  it('asks before leaving with unsaved changes', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['Pending', []]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.getByRole('button', { name: 'Delete chapter “Pending”' }).click()
    const dialogs: string[] = []
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.getByRole('link', { name: 'Your courses' }).click()
    await expect.poll(() => dialogs.length).toBe(1)
    expect(dialogs[0]).toContain('unsaved changes')
    expect(new URL(page.url()).pathname).toBe(`/studio/courses/${course.id}`)
    page.once('dialog', dialog => void dialog.accept())
    await page.getByRole('link', { name: 'Your courses' }).click()
    await page.waitForURL('**/studio')
  })

  it('publishes only once there is a lesson, saying what is missing', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['Empty chapter', []]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.getByText('Add a lesson to publish.').waitFor()
    await page.getByRole('button', { name: 'Publish' }).click()
    await toast(page, 'Add at least one lesson to a chapter before publishing.').waitFor()
    await chapterRow(page, 'Empty chapter').getByRole('button', { name: '+ Add lesson' }).click()
    await page.getByLabel('Title of the new lesson').fill('First lesson')
    await page.getByLabel('Title of the new lesson').press('Enter')
    await lessonRow(page, 'First lesson').waitFor()
    await expect.poll(async () => (await outlineOf(owner, course.id))[0]![1]).toEqual(['First lesson'])
    await page.getByRole('button', { name: 'Publish' }).click()
    await page.getByRole('button', { name: 'Unpublish' }).waitFor()
    expect(data(await owner.get<Course>(`/api/courses/${course.id}`)).status).toBe('PUBLISHED')
  })

  it('shows another tab\'s saved changes live, keeping this tab\'s pending deletes and typing', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['First', ['x']], ['Second', ['y']]])
    const chapters = data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`))
    const page = await newPage(owner)
    await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    await visit(page, `/studio/courses/${course.id}`)
    await page.getByRole('button', { name: 'Delete lesson “y”' }).click()
    const description = page.getByLabel('Description', { exact: true })
    await description.fill('Typing here')

    // Another tab reorders, renames and changes the course title while this one has work open.
    data(await owner.request('PUT', `/api/courses/${course.id}/outline/order`, { chapters: [{ id: chapters[1]!.id, lessonIds: [chapters[1]!.lessons[0]!.id] }, { id: chapters[0]!.id, lessonIds: [chapters[0]!.lessons[0]!.id] }] }))
    data(await owner.patch(`/api/chapters/${chapters[0]!.id}`, { title: 'First, renamed' }))
    data(await owner.patch(`/api/courses/${course.id}`, { title: 'Retitled Elsewhere' }))
    await description.pressSequentially(' and more')

    await page.getByRole('button', { name: 'First, renamed, rename chapter' }).waitFor()
    await page.getByTestId('course-heading').filter({ hasText: 'Retitled Elsewhere' }).waitFor()
    const order = await page.locator('li.chapter .label + .title, li.chapter header button[aria-label$="rename chapter"]').allTextContents()
    expect(order.map(t => t.trim())).toEqual(['Second', 'First, renamed'])
    expect(await description.inputValue()).toBe('Typing here and more')
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Retitled Elsewhere')
    await page.getByRole('button', { name: 'Undo delete of lesson “y”' }).waitFor()
  })
})

describe('the course editor: collapsed chapters', () => {
  it('remembers a collapsed chapter across reloads, rendered collapsed by the server', async () => {
    const owner = await signedUp()
    const course = await courseWithOutline(owner, [['Open', ['o1']], ['Folded', ['f1']]])
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.getByRole('button', { name: 'Collapse chapter “Folded”' }).click()
    await lessonRow(page, 'f1').waitFor({ state: 'hidden' })
    const html = await (await page.goto(`/studio/courses/${course.id}`))!.text()
    expect(html).toMatch(/aria-expanded="false"[^>]*aria-label="Expand chapter “Folded”"|aria-label="Expand chapter “Folded”"[^>]*aria-expanded="false"/)
    await page.waitForSelector('html[data-hydrated="true"]')
    expect(await lessonRow(page, 'f1').isVisible()).toBe(false)
    expect(await lessonRow(page, 'o1').isVisible()).toBe(true)
  })
})
