// What a phone user found hard to use even where nothing scrolled sideways (tests/e2e/page-tree
// checks the width of every page): names squeezed to nothing, words split letter by letter,
// a page that scrolled into empty space, a drawer the keyboard could leave, a faint focus ring,
// drag handles and boxes too small for a thumb.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { PendingAttachment } from '../../shared/types/conversation'
import type { Chapter } from '../../shared/types/outline'
import { data } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { pngBytes, uploadAttachment } from '../support/attachment-fixtures'
import { newPage, visit } from '../support/browser'
import { conversationPair, sendMessage } from '../support/conversation-fixtures'
import { refreshInsights } from '../support/insights'
import { studio } from '../support/media-fixtures'
import { pageTreeWorld } from '../support/page-tree-fixtures'
import type { PageTreeWorld } from '../support/page-tree-fixtures'

const phone = { width: 375, height: 812 }
const narrowPhone = { width: 360, height: 740 }

const widthOf = (page: Page, selector: string) => page.locator(selector).first().evaluate(el => el.getBoundingClientRect().width)

describe('on a phone', () => {
  let world: PageTreeWorld
  beforeAll(async () => {
    world = await pageTreeWorld()
    await refreshInsights()
  }, 120_000)

  it('shows each file\'s name in the media library\'s list, with type, size and date left to the file\'s panel', async () => {
    const page = await newPage(world.instructor, { viewport: phone })
    await visit(page, '/studio/media')
    await page.getByRole('button', { name: 'List', exact: true }).click()
    const row = page.getByTestId('media-item').filter({ hasText: 'Colour wheel handout' })
    await row.waitFor()
    // It was 20 px: no name showed at all.
    expect(await row.locator('.name').evaluate(el => el.getBoundingClientRect().width)).toBeGreaterThan(100)
    const headers = await page.getByRole('grid', { name: 'Files' }).getByRole('columnheader').evaluateAll(cells => cells.filter(c => (c as HTMLElement).offsetParent !== null).map(c => c.textContent?.trim()))
    expect(headers).toEqual(['Name', 'Usage'])
    // On a desktop every column is back.
    await page.setViewportSize({ width: 1280, height: 900 })
    await expect.poll(() => page.getByRole('grid', { name: 'Files' }).getByRole('columnheader').evaluateAll(cells => cells.filter(c => (c as HTMLElement).offsetParent !== null).length)).toBe(5)
  })

  it('writes every field\'s text at 16 px at least, so Safari does not zoom into a field the user taps', async () => {
    /** Fields under 16 px on the page: Safari on a phone zooms into one when it takes the focus. */
    const smallFields = (page: Page) => page.locator('input:not([type=checkbox], [type=radio], [type=file], [type=hidden]), select, textarea')
      .evaluateAll(fields => fields.filter(field => field.getBoundingClientRect().width > 2 && Number.parseFloat(getComputedStyle(field).fontSize) < 16)
        .map(field => `${field.tagName.toLowerCase()}#${field.id} ${getComputedStyle(field).fontSize}`))
    // Each page with the field that shows it is ready.
    const pages: [ApiClient | undefined, string, string][] = [
      [undefined, '/sign-in', '#sign-in-password'],
      [undefined, '/courses', 'input[type=search]'],
      [world.instructor, `/studio/courses/${world.course.id}`, 'textarea'],
      [world.instructor, '/studio/media', 'input[type=search]'],
      [world.instructor, `/messages/${world.conversationId}`, '#composer-body'],
      [undefined, '/sign-up', '#sign-up-password'],
      [world.student, '/account', 'input[type=password]'],
    ]
    for (const [session, path, ready] of pages) {
      const page = await newPage(session, { viewport: phone })
      await visit(page, path)
      await page.locator(ready).first().waitFor()
      expect(await smallFields(page), path).toEqual([])
      await page.context().close()
    }
  })

  it('keeps words whole in a table, which scrolls in its own box instead', async () => {
    const page = await newPage(world.instructor, { viewport: narrowPhone })
    await visit(page, '/studio/insights/conversations')
    await page.locator('#main').getByText('Sol Student').first().waitFor()
    const table = page.locator('.table-scroll table').first()
    // A cell may wrap between words, never inside one: split letter by letter, "Student" took
    // seven lines.
    const split = await table.locator('th, td').evaluateAll(cells => cells.flatMap((cell) => {
      // The lines the text takes (a cell is as tall as its row, so its height does not say).
      const tops = new Set<number>()
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const range = document.createRange()
        range.selectNodeContents(text)
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top))
      }
      const lines = tops.size
      const words = (cell.textContent ?? '').trim().split(/\s+/).length
      return lines > words ? [`“${cell.textContent?.trim()}”: ${lines} lines`] : []
    }))
    expect(split).toEqual([])
    // The table is wider than the phone: its box scrolls, the page does not.
    const box = page.locator('.table-scroll').first()
    expect(await box.evaluate(el => el.scrollWidth > el.clientWidth)).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  })

  it('leaves a lesson\'s title room beside its controls in the course editor', async () => {
    const page = await newPage(world.instructor, { viewport: narrowPhone })
    await visit(page, `/studio/courses/${world.course.id}`)
    const title = page.getByRole('button', { name: `${world.lesson.title}, rename lesson` })
    await title.waitFor()
    // It was 20 px ("L…") beside Upload video, Free preview, CC and Delete.
    expect(await title.evaluate(el => el.getBoundingClientRect().width)).toBeGreaterThan(150)
    expect(await widthOf(page, '.lesson')).toBeLessThanOrEqual(narrowPhone.width)
  })

  it('lets a thumb reorder lessons: handles and selection boxes of 24 px at least, and a touch drag that moves a lesson and saves', async () => {
    const { owner, course, chapter } = await studio('Thumb order')
    const page = await newPage(owner, { viewport: phone })
    await visit(page, `/studio/courses/${course.id}`)
    const handles = page.locator('.lesson-handle')
    await handles.nth(1).waitFor()
    // Were 23 × 27 (handles), 16 px (the lessons' selection boxes) and 13 px (the browser's boxes, whose label takes taps too).
    const smallerThan = (selector: string, size: number) => page.locator(selector).evaluateAll((els, least) => els.map((el) => {
      const box = el.getBoundingClientRect()
      return { name: el.getAttribute('aria-label') ?? el.className, width: box.width, height: box.height }
    }).filter(box => box.width < least || box.height < least), size)
    expect(await page.locator('.handle, .pick, input[type=checkbox]').count()).toBeGreaterThanOrEqual(7)
    expect(await smallerThan('.handle, .pick', 24), 'handles and selection boxes').toEqual([])
    expect(await smallerThan('input[type=checkbox]', 20), 'the browser\'s boxes').toEqual([])
    // A finger's drag (touch events, as a phone sends them) by the first lesson's handle to below the second.
    await handles.nth(0).scrollIntoViewIfNeeded()
    const from = (await handles.nth(0).boundingBox())!
    const to = (await handles.nth(1).boundingBox())!
    const x = from.x + from.width / 2
    const touch = await page.context().newCDPSession(page)
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: from.y + from.height / 2 }] })
    for (let step = 1; step <= 12; step++) {
      const y = from.y + from.height / 2 + (to.y + to.height - from.y) * step / 12
      await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] })
      await page.evaluate(() => new Promise(requestAnimationFrame))
    }
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    const order = async () => data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`)).find(c => c.id === chapter.id)!.lessons.map(l => l.title)
    await expect.poll(order).toEqual(['Fill light', 'Key light'])
  })

  it('moves a ticked lesson step by step with Move up and Move down, across chapters, with no drag and no keys', async () => {
    const { owner, course } = await studio('Step order')
    const second = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Shooting' }))
    await owner.post(`/api/chapters/${second.id}/lessons`, { title: 'Rim light' })
    const order = async () => data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`)).map(c => `${c.title}: ${c.lessons.map(l => l.title).join(', ')}`)
    const page = await newPage(owner, { viewport: phone })
    await visit(page, `/studio/courses/${course.id}`)
    await page.getByRole('checkbox', { name: 'Select lesson “Key light”' }).tap()
    const bar = page.getByRole('toolbar', { name: 'Selected lessons' })
    const up = bar.getByRole('button', { name: 'Move up' })
    const down = bar.getByRole('button', { name: 'Move down' })
    // The first lesson of the outline: up goes nowhere, and says so.
    expect(await up.getAttribute('aria-disabled')).toBe('true')
    await down.tap()
    await expect.poll(order).toEqual(['Setup: Fill light, Key light', 'Shooting: Rim light'])
    await expect.poll(() => page.locator('[aria-live="polite"]').filter({ hasText: 'moved' }).textContent())
      .toBe('Lesson “Key light” moved to position 2 in chapter “Setup”.')
    // Past the chapter's last lesson it starts the next chapter, still selected, and is then the outline's last.
    await down.tap()
    await expect.poll(order).toEqual(['Setup: Fill light', 'Shooting: Key light, Rim light'])
    await down.tap()
    await expect.poll(order).toEqual(['Setup: Fill light', 'Shooting: Rim light, Key light'])
    await expect.poll(() => down.getAttribute('aria-disabled')).toBe('true')
    await down.tap({ force: true }) // pressed anyway (Playwright waits for an enabled button otherwise): nothing moves
    await up.tap()
    await expect.poll(order).toEqual(['Setup: Fill light', 'Shooting: Key light, Rim light'])
    // With two lessons ticked there is no single step to take.
    await page.getByRole('checkbox', { name: 'Select lesson “Fill light”' }).tap()
    await bar.getByText('2 lessons selected').waitFor()
    expect(await up.count()).toBe(0)
  })

  it('shows keyboard focus with a ring that stands out (a solid ring in the brand colour)', async () => {
    const page = await newPage(world.instructor, { viewport: phone })
    await visit(page, '/studio')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).boxShadow)
    expect(ring).toContain('rgb(59, 91, 219)')
    expect(ring).not.toContain('0.35')
  })
})

describe('a conversation on a phone', () => {
  let pair: { instructor: ApiClient, student: ApiClient, conversationId: string }
  beforeAll(async () => {
    pair = await conversationPair()
    const { student, instructor, conversationId } = pair
    const file = await uploadAttachment(student, conversationId, { name: 'whiteboard.png', type: 'image/png', bytes: pngBytes('64x48') })
    // The file is checked in a job: it can be sent once it is ready.
    const status = async () => data(await student.get<PendingAttachment[]>(`/api/conversations/${conversationId}/attachments`)).find(a => a.id === file.attachmentId)?.status
    for (const deadline = Date.now() + 30_000; await status() !== 'READY';) {
      if (Date.now() > deadline) throw new Error('the attachment did not become ready within 30 s')
      await new Promise(resolve => setTimeout(resolve, 200))
    }
    expect((await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'My sketch', attachmentIds: [file.attachmentId] })).status).toBe(201)
    // Replies that refer to the file, then enough messages to push them out of view.
    for (let i = 0; i < 3; i++) expect((await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: `About the sketch ${i}`, referenceAttachmentId: file.attachmentId })).status).toBe(201)
    for (let i = 0; i < 25; i++) expect((await sendMessage(i % 2 ? student : instructor, conversationId, { type: i % 2 ? 'DAILY_NOTE' : 'INSTRUCTOR_RESPONSE', body: `Later message ${i}` })).status).toBe(201)
  }, 90_000)

  it('scrolls the stream, not the page: what older messages hide for screen readers stays inside it', async () => {
    const page = await newPage(pair.instructor, { viewport: phone })
    await visit(page, `/messages/${pair.conversationId}`)
    await page.getByTestId('message').filter({ hasText: 'Later message 24' }).waitFor()
    await page.getByTestId('message').filter({ hasText: 'About the sketch 0' }).waitFor({ state: 'attached' })
    // It was 1768 px on an 812 px screen: the hidden "Refers to the file" of scrolled-off messages;
    // then 876 px, the layout's space under every other page.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(phone.height)
  })

  it('gives the stream most of the height: the page\'s tools fold behind one button, the composer\'s controls take three rows', async () => {
    const page = await newPage(pair.instructor, { viewport: phone })
    await visit(page, `/messages/${pair.conversationId}`)
    await page.getByTestId('message').filter({ hasText: 'Later message 24' }).waitFor()
    const stream = page.locator('.stream')
    // It had 232 px of an 812 px screen: the tools took two rows and the composer's controls four.
    expect((await stream.boundingBox())!.height).toBeGreaterThan(300)
    expect(await page.getByLabel('Jump to date').isVisible()).toBe(false)
    const toggle = page.getByRole('button', { name: 'Jump to date, download…' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    await page.getByLabel('Jump to date').waitFor()
    await page.getByRole('link', { name: 'Download conversation' }).waitFor()
    // Jumping folds them away again: the stream shows the day.
    await page.getByLabel('Jump to date').fill('2026-01-05')
    await page.getByRole('button', { name: 'Go' }).click()
    await page.getByRole('status').filter({ hasText: 'Showing messages around' }).waitFor()
    expect(await page.getByLabel('Jump to date').isVisible()).toBe(false)
    // The composer: the paperclip keeps its name; who reads the next message shares Send's row.
    await page.getByRole('button', { name: 'Attach files' }).waitFor()
    const send = (await page.getByRole('button', { name: 'Send' }).boundingBox())!
    const audience = (await page.getByLabel('Who can read it').boundingBox())!
    expect(Math.abs(audience.y + audience.height / 2 - (send.y + send.height / 2))).toBeLessThan(4)
    expect(audience.width).toBeGreaterThan(150)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(phone.width)
  })

  it('keeps the keyboard in the observers drawer until Escape, which gives focus back to the Observers button', async () => {
    const page = await newPage(pair.instructor, { viewport: phone })
    await visit(page, `/messages/${pair.conversationId}`)
    const opener = page.getByRole('button', { name: 'Observers', exact: true })
    await opener.click()
    const drawer = page.getByRole('dialog', { name: 'Observers' })
    await drawer.waitFor()
    expect(await drawer.getAttribute('aria-modal')).toBe('true')
    const focusInDrawer = () => page.evaluate(() => !!document.activeElement?.closest('#observers-drawer'))
    expect(await focusInDrawer()).toBe(true)
    // Around and around: Tab and Shift+Tab never leave it for the page behind.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      expect(await focusInDrawer(), `after ${i + 1} Tab`).toBe(true)
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab')
      expect(await focusInDrawer(), `after ${i + 1} Shift+Tab`).toBe(true)
    }
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    expect(await opener.getAttribute('aria-expanded')).toBe('false')
    expect(await opener.evaluate(button => document.activeElement === button)).toBe(true)
  })
})
