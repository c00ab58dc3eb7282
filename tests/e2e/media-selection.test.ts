import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { describeWithDatabase, testDb } from '../support/database'
import { createManyMediaFiles } from '../../prisma/seed/many-media-files'

/** An instructor with `count` library files named File 01… (newest first), or with the given names. */
async function libraryOf(count: number, names?: string[]) {
  const owner = await signedUp()
  await createManyMediaFiles(testDb(), owner.user!.id, count, names ? { name: index => names[index]! } : {})
  return owner
}

async function openLibrary(owner: ApiClient, path = '/studio/media') {
  const page = await newPage(owner)
  await visit(page, path)
  await page.getByTestId('media-item').first().waitFor()
  return page
}

const tile = (page: Page, name: string) => page.getByTestId('media-item').filter({ has: page.locator(`.name[title="${name}"]`) })
/** The names of the rendered files the grid reports as selected (aria-selected), sorted. */
const selectedNames = (page: Page) => page.locator('[data-testid="media-item"][aria-selected="true"] .name')
  .evaluateAll(names => names.map(name => name.getAttribute('title')!).sort())
/** The open panel of that file (its label names it). */
const panelOf = (page: Page, name: string) => page.getByRole('complementary', { name: `File: ${name}` })
const status = (page: Page) => page.getByTestId('selection-status').innerText()
const columnsOf = async (page: Page) => Number(await page.getByRole('grid', { name: 'Files' }).getAttribute('aria-colcount'))
const byIndex = (page: Page, index: number) => page.locator(`[data-testid="media-item"][data-index="${index}"]`)

async function center(page: Page, index: number) {
  const box = (await byIndex(page, index).boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}
/** A point in the scroller's padding, just left of the first column at the height of `index`'s row (empty space). */
async function leftOf(page: Page, index: number, dy = 0) {
  const box = (await byIndex(page, index).boundingBox())!
  return { x: box.x - 6, y: box.y + dy }
}

/** A real pointer drag: press, a small move that stays under the threshold, then the path in steps. */
async function drag(page: Page, from: { x: number, y: number }, to: { x: number, y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 2, from.y + 2)
  expect(await page.getByTestId('selection-rectangle').count(), 'no rectangle under the threshold').toBe(0)
  await page.mouse.move(to.x, to.y, { steps: 8 })
  await page.getByTestId('selection-rectangle').waitFor()
  await page.mouse.up()
  await page.getByTestId('selection-rectangle').waitFor({ state: 'detached' })
}

const names = (...numbers: number[]) => numbers.map(n => `File ${String(n).padStart(2, '0')}.${['pdf', 'png', 'mp4', 'zip', 'pptx', 'docx'][(n - 1) % 6]}`).sort()

describeWithDatabase('selecting files in the media library', () => {
  it('selects exactly the tiles a dragged rectangle touches; Shift adds, Alt subtracts, a click on empty space clears', async () => {
    const owner = await libraryOf(14)
    const page = await openLibrary(owner)
    const columns = await columnsOf(page)
    expect(columns).toBeGreaterThanOrEqual(3)

    // From the empty space above-left of the first tile to the middle of row 2, column 2.
    await drag(page, await leftOf(page, 0, -6), await center(page, columns + 1))
    expect(await selectedNames(page)).toEqual(names(1, 2, columns + 1, columns + 2))
    expect(await status(page)).toBe('4 selected')

    await page.keyboard.down('Shift')
    await drag(page, await leftOf(page, 2 * columns, 20), await center(page, 2 * columns))
    await page.keyboard.up('Shift')
    expect(await selectedNames(page)).toEqual(names(1, 2, columns + 1, columns + 2, 2 * columns + 1))

    await page.keyboard.down('Alt')
    await drag(page, await leftOf(page, 0, 20), await center(page, 0))
    await page.keyboard.up('Alt')
    expect(await selectedNames(page)).toEqual(names(2, columns + 1, columns + 2, 2 * columns + 1))

    // A click (no movement) on empty space is not a drag: it clears.
    const empty = await leftOf(page, columns, 40)
    await page.mouse.click(empty.x, empty.y)
    expect(await selectedNames(page)).toEqual([])
    expect(await status(page)).toBe('None selected')
  })

  it('cancels a drag with Esc: the preview goes, the selection before it stays', async () => {
    const owner = await libraryOf(10)
    const page = await openLibrary(owner)
    await tile(page, names(3)[0]!).click()
    await panelOf(page, names(3)[0]!).waitFor()
    expect(await selectedNames(page)).toEqual(names(3))

    const from = await leftOf(page, 0, -6)
    const to = await center(page, 1)
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 6 })
    await page.getByTestId('selection-rectangle').waitFor()
    // While dragging the screen shows what releasing would select (a plain drag replaces).
    await expect.poll(() => selectedNames(page)).toEqual(names(1, 2))
    await page.keyboard.press('Escape')
    await page.getByTestId('selection-rectangle').waitFor({ state: 'detached' })
    expect(await selectedNames(page)).toEqual(names(3))
    await page.mouse.move(to.x + 30, to.y + 30, { steps: 3 })
    await page.mouse.up()
    expect(await selectedNames(page)).toEqual(names(3))
    expect(await status(page)).toBe('1 selected')
  })

  it('toggles with Ctrl+click, and a plain click selects one file and opens its panel', async () => {
    const owner = await libraryOf(10)
    const page = await openLibrary(owner)
    const [two, five, seven] = [names(2)[0]!, names(5)[0]!, names(7)[0]!]
    await tile(page, two).click()
    await page.keyboard.down('Control')
    await tile(page, five).click()
    expect(await selectedNames(page)).toEqual([two, five].sort())
    await tile(page, two).click()
    await page.keyboard.up('Control')
    expect(await selectedNames(page)).toEqual([five])

    await tile(page, seven).click()
    expect(await selectedNames(page)).toEqual([seven])
    await panelOf(page, seven).waitFor()
  })

  it('picks several files with their ticks, on a phone by tapping and on a desktop by clicking, and opens none', async () => {
    const owner = await libraryOf(10)
    const [one, three] = [names(1)[0]!, names(3)[0]!]
    const phone = await newPage(owner, { viewport: { width: 375, height: 812 } })
    await visit(phone, '/studio/media')
    await phone.getByRole('button', { name: `Select ${one}` }).tap()
    await phone.getByRole('button', { name: `Select ${three}` }).tap()
    expect(await selectedNames(phone)).toEqual([one, three].sort())
    expect(await status(phone)).toBe('2 selected')
    expect(await phone.getByRole('complementary').count()).toBe(0)
    await phone.getByRole('button', { name: `Select ${one}` }).tap()
    expect(await selectedNames(phone)).toEqual([three])
    // A tap on the file itself still opens it.
    await tile(phone, one).locator('.name').tap()
    await panelOf(phone, one).waitFor()

    const desktop = await openLibrary(owner)
    await tile(desktop, one).click()
    await desktop.getByRole('button', { name: `Select ${three}` }).click()
    expect(await selectedNames(desktop)).toEqual([one, three].sort())
    expect(await desktop.getByRole('button', { name: `Select ${three}` }).getAttribute('aria-pressed')).toBe('true')
    expect(await panelOf(desktop, three).count()).toBe(0)
  })

  it('takes a Shift+click range in the order on screen, after the sort changed', async () => {
    // Newest first: Delta, Alpha, Echo, Bravo, Charlie, Foxtrot. By name: alphabetical.
    const owner = await libraryOf(6, ['Delta.pdf', 'Alpha.pdf', 'Echo.pdf', 'Bravo.pdf', 'Charlie.pdf', 'Foxtrot.pdf'])
    const page = await openLibrary(owner)
    await tile(page, 'Bravo.pdf').click()
    await page.getByLabel('Sort').selectOption({ label: 'Name' })
    await page.waitForURL(url => new URL(url).searchParams.get('sort') === 'name')
    await expect.poll(() => byIndex(page, 0).locator('.name').getAttribute('title')).toBe('Alpha.pdf')
    expect(await selectedNames(page)).toEqual(['Bravo.pdf'])

    await page.keyboard.down('Shift')
    await tile(page, 'Echo.pdf').click()
    await page.keyboard.up('Shift')
    expect(await selectedNames(page)).toEqual(['Bravo.pdf', 'Charlie.pdf', 'Delta.pdf', 'Echo.pdf'])

    // A filter that hides some of them drops those from the selection.
    await page.getByRole('searchbox').fill('o')
    await page.getByRole('searchbox').press('Enter')
    await page.waitForURL(url => new URL(url).searchParams.get('q') === 'o')
    // Shown now: Bravo, Echo, Foxtrot. Charlie and Delta were selected and are hidden: they go.
    await expect.poll(() => status(page)).toBe('2 selected')
    expect(await selectedNames(page)).toEqual(['Bravo.pdf', 'Echo.pdf'])
  })

  it('selects with the keyboard: arrows move the focus, Shift+arrows extend, Space toggles, Ctrl+A selects all, Esc clears', async () => {
    const owner = await libraryOf(14)
    const page = await openLibrary(owner)
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-index'))

    await byIndex(page, 0).click()
    expect(await selectedNames(page)).toEqual(names(1))
    await page.getByTestId('media-panel').waitFor()
    const columns = await columnsOf(page) // the open panel narrowed the grid
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe('1')
    expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible'))).toBe(true)
    expect(await selectedNames(page)).toEqual(names(1)) // moving the focus alone selects nothing

    await page.keyboard.down('Shift')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.up('Shift')
    expect(await focused()).toBe('2')
    expect(await selectedNames(page)).toEqual(names(1, 2, 3))

    await page.keyboard.press('ArrowDown')
    expect(await focused()).toBe(String(2 + columns))
    await page.keyboard.press('Space')
    expect(await selectedNames(page)).toEqual(names(1, 2, 3, 3 + columns))
    await page.keyboard.press('Space')
    expect(await selectedNames(page)).toEqual(names(1, 2, 3))

    await page.keyboard.press('Control+a')
    expect(await status(page)).toBe('14 selected')
    await page.keyboard.press('Escape')
    expect(await status(page)).toBe('None selected')
    expect(await selectedNames(page)).toEqual([])

    // Enter opens the focused file's panel (and selects it).
    await page.keyboard.press('Enter')
    await panelOf(page, names(3 + columns)[0]!).waitFor()
    expect(await selectedNames(page)).toEqual(names(3 + columns))

    // Delete asks to move the selection to the trash (the bulk dialog); confirming does it.
    await byIndex(page, 2 + columns).focus()
    await page.keyboard.press('Delete')
    const dialog = page.getByRole('dialog', { name: 'Move 1 file to the trash?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Move 1 file to trash' }).click()
    await expect.poll(() => testDb().mediaFile.findMany({ where: { ownerId: owner.user!.id, deletedAt: { not: null } }, select: { originalName: true } })).toEqual([{ originalName: names(3 + columns)[0] }])
    await expect.poll(() => page.getByTestId('media-item').count()).toBe(13)
  })

  it('moves by one row in the list view and extends with Shift+Down', async () => {
    const owner = await libraryOf(10)
    const page = await openLibrary(owner)
    await page.getByRole('button', { name: 'List', exact: true }).click()
    await page.getByRole('columnheader', { name: 'Name' }).waitFor()
    await byIndex(page, 1).click()
    await page.keyboard.down('Shift')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.up('Shift')
    expect(await selectedNames(page)).toEqual(names(2, 3, 4))
    await page.keyboard.press('ArrowUp')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('2')
  })

  it('keeps a large grid virtualised and selects rows scrolled out of view by dragging to the edge (autoscroll)', async () => {
    const owner = await libraryOf(400)
    const page = await openLibrary(owner)
    const scroller = page.getByTestId('media-scroller')
    const columns = await columnsOf(page)
    // Load every page: the grid asks for the next one as its end comes into view.
    await expect.poll(async () => {
      await scroller.evaluate(el => el.scrollTo(0, el.scrollHeight))
      return page.locator('[data-testid="media-item"][data-index="399"]').count()
    }, { timeout: 30_000 }).toBe(1)
    expect(await page.getByTestId('media-item').count()).toBeLessThan(100)
    await scroller.evaluate(el => el.scrollTo(0, 0))
    await expect.poll(() => byIndex(page, 0).count()).toBe(1)

    const box = (await scroller.boundingBox())!
    const start = await leftOf(page, 0, -6)
    const second = await center(page, 1)
    await page.mouse.move(start.x, start.y)
    await page.mouse.down()
    await page.mouse.move(second.x, box.y + box.height / 2, { steps: 5 })
    // Hold the pointer in the bottom edge band: the grid scrolls by itself.
    await page.mouse.move(second.x, box.y + box.height - 8, { steps: 3 })
    await expect.poll(() => scroller.evaluate(el => el.scrollTop), { timeout: 20_000 }).toBeGreaterThan(6000)
    await page.mouse.move(second.x, box.y + box.height / 2, { steps: 3 })
    // The tile under the pointer, once the grid has drawn the rows it scrolled to.
    const tileUnder = () => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-index]')?.getAttribute('data-index'), { x: second.x, y: box.y + box.height / 2 })
    await expect.poll(tileUnder).toMatch(/^\d+$/)
    const under = await tileUnder()
    await page.mouse.up()
    const lastRow = Math.floor(Number(under) / columns)
    expect(lastRow).toBeGreaterThan(25)
    expect(await status(page)).toBe(`${2 * (lastRow + 1)} selected`)
    const rendered = await page.getByTestId('media-item').count()
    expect(2 * (lastRow + 1)).toBeGreaterThan(rendered) // more selected than exist in the DOM

    await scroller.evaluate(el => el.scrollTo(0, 0))
    await expect.poll(() => byIndex(page, 0).getAttribute('aria-selected')).toBe('true')
    expect(await byIndex(page, 1).getAttribute('aria-selected')).toBe('true')
    expect(await byIndex(page, 2).getAttribute('aria-selected')).toBe('false')
  })
})
