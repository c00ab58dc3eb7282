import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'

async function courseVia(client: ApiClient, title: string, description = 'Written by the test.'): Promise<Course> {
  return data(await client.post<Course>('/api/courses', { title, description, category: 'Design' }))
}

const toast = (page: Page, text: string | RegExp) => page.locator('[data-sonner-toast]').filter({ hasText: text })

describe('the studio course list', () => {
  it('server-renders the list and does not fetch it again on load', async () => {
    const owner = await signedUp()
    await courseVia(owner, 'Rendered On The Server')
    const page = await newPage(owner)
    const listRequests: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/courses') listRequests.push(request.url())
    })
    const response = await page.goto('/studio')
    expect(await response!.text()).toContain('Rendered On The Server')
    await page.waitForSelector('html[data-hydrated="true"]')
    await page.getByRole('link', { name: 'Rendered On The Server' }).first().waitFor()
    expect(listRequests).toEqual([])
  })

  it('shows an empty state, then creates a course through the dialog', async () => {
    const owner = await signedUp()
    const page = await newPage(owner)
    await visit(page, '/studio')
    await page.getByRole('heading', { name: 'No courses yet' }).waitFor()

    await page.getByRole('button', { name: 'Create your first course' }).click()
    const dialog = page.getByRole('dialog', { name: 'New course' })
    await dialog.getByRole('button', { name: 'Create course' }).click()
    await dialog.getByText('Pick a category').waitFor() // validated before anything is sent
    // The select still says what to do (it once showed an empty box after a failed submit).
    expect(await dialog.getByLabel('Category', { exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent?.trim())).toBe('Choose a category…')

    await dialog.getByLabel('Title', { exact: true }).fill('Watercolour Basics')
    await dialog.getByLabel('Category', { exact: true }).selectOption('Design')
    await dialog.getByLabel('Description', { exact: true }).fill('Washes, layers and colour mixing.')
    await dialog.getByRole('button', { name: 'Create course' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('link', { name: 'Watercolour Basics' }).first().waitFor()
    await toast(page, 'created').waitFor()
    const list = data(await owner.get<Course[]>('/api/courses'))
    expect(list.map(c => c.title)).toEqual(['Watercolour Basics'])
  })

  it('keeps the dialog and the typed text when the server refuses the new course', async () => {
    const owner = await signedUp()
    const page = await newPage(owner)
    await visit(page, '/studio')
    await page.getByRole('button', { name: 'New course' }).click()
    const dialog = page.getByRole('dialog', { name: 'New course' })
    await dialog.getByLabel('Title', { exact: true }).fill('Refused Course')
    await dialog.getByLabel('Category', { exact: true }).selectOption('Music')
    // The connection drops as the course is sent (the network is outside the system).
    await page.route('**/api/courses', route => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue()))
    await dialog.getByRole('button', { name: 'Create course' }).click()
    await toast(page, 'Could not create the course').waitFor()
    expect(await dialog.getByLabel('Title', { exact: true }).inputValue()).toBe('Refused Course')
    // The picked category still shows (the select once went blank after a failed submit).
    const category = dialog.getByLabel('Category', { exact: true })
    expect(await category.inputValue()).toBe('Music')
    expect(await category.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent?.trim())).toBe('Music')
    expect(await page.getByRole('link', { name: 'Refused Course' }).count()).toBe(0)
    expect(data(await owner.get<Course[]>('/api/courses'))).toEqual([])
  })

  it('deletes after confirmation, lists it in Recently deleted, and restores it', async () => {
    const owner = await signedUp()
    await courseVia(owner, 'Keep Around')
    await courseVia(owner, 'Delete Me Soon')
    const page = await newPage(owner)
    await visit(page, '/studio')

    await page.getByRole('button', { name: 'Delete Delete Me Soon' }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete this course?' })
    await confirm.getByText('Delete Me Soon').waitFor()
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await confirm.waitFor({ state: 'hidden' })
    expect(await page.getByRole('link', { name: 'Delete Me Soon' }).count()).toBe(1)

    await page.getByRole('button', { name: 'Delete Delete Me Soon' }).click()
    await confirm.getByRole('button', { name: 'Delete course' }).click()
    await page.getByRole('link', { name: 'Delete Me Soon' }).waitFor({ state: 'detached' })
    await toast(page, 'moved to Recently deleted').waitFor()
    expect(data(await owner.get<Course[]>('/api/courses')).map(c => c.title)).toEqual(['Keep Around'])

    await page.getByRole('link', { name: 'Recently deleted' }).click()
    await page.getByRole('heading', { name: 'Recently deleted' }).waitFor()
    await page.getByRole('button', { name: 'Restore Delete Me Soon' }).click()
    await toast(page, 'is back in your courses').waitFor()
    await page.getByRole('heading', { name: 'Nothing here' }).waitFor()
    await page.getByRole('link', { name: 'Your courses' }).first().click()
    await page.getByRole('link', { name: 'Delete Me Soon' }).first().waitFor()
  })

  it('undoes a delete from the toast', async () => {
    const owner = await signedUp()
    await courseVia(owner, 'Undo Candidate')
    const page = await newPage(owner)
    await visit(page, '/studio')
    await page.getByRole('button', { name: 'Delete Undo Candidate' }).click()
    await page.getByRole('dialog', { name: 'Delete this course?' }).getByRole('button', { name: 'Delete course' }).click()
    await toast(page, 'moved to Recently deleted').getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('link', { name: 'Undo Candidate' }).first().waitFor()
    await expect.poll(async () => data(await owner.get<Course[]>('/api/courses')).map(c => c.title)).toEqual(['Undo Candidate'])
  })

  it('shows an error state with a working retry when the list cannot load', async () => {
    const owner = await signedUp()
    await courseVia(owner, 'Behind A Flaky Network')
    const page = await newPage(owner)
    await visit(page, '/studio/trash')
    // The network drops the list request (outside the system); client navigation fetches it.
    await page.route('**/api/courses', route => route.abort('connectionreset'))
    await page.getByRole('link', { name: 'Your courses' }).first().click()
    await page.getByRole('heading', { name: 'Your courses could not be loaded' }).waitFor({ timeout: 15_000 })
    await page.unroute('**/api/courses')
    await page.getByRole('button', { name: 'Try again' }).click()
    await page.getByRole('link', { name: 'Behind A Flaky Network' }).first().waitFor()
  })

  it('remembers the grid view across reloads and renders it on the server', async () => {
    const owner = await signedUp()
    await courseVia(owner, 'Grid Or List')
    const page = await newPage(owner)
    await visit(page, '/studio')
    await page.getByRole('button', { name: 'Grid', exact: true }).click()
    await page.waitForSelector('ul.courses.grid')
    const html = await (await page.goto('/studio'))!.text()
    expect(html).toMatch(/class="courses grid"/)
    expect(await page.getByRole('button', { name: 'Grid', exact: true }).getAttribute('aria-pressed')).toBe('true')
  })
})

/** Holds the course's saves (PATCH) at the network until the returned function is called. */
async function holdSaves(page: Page, courseId: string): Promise<() => void> {
  let release!: () => void
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(`**/api/courses/${courseId}`, async (route) => {
    if (route.request().method() === 'PATCH') await held
    await route.continue()
  })
  return release
}

describe('the course editor', () => {
  it('saves details: the Save button follows the dirty flag, and the change persists', async () => {
    const owner = await signedUp()
    const course = await courseVia(owner, 'Editable Course')
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    const save = page.getByRole('button', { name: /^Save changes/ })
    expect(await save.count()).toBe(0) // nothing to save: no save bar
    await page.getByLabel('Title', { exact: true }).fill('Edited Course Title')
    expect(await save.textContent()).toContain('(1)')
    await page.getByLabel('Category', { exact: true }).selectOption('Business')
    expect(await save.textContent()).toContain('(2)')
    // The save is held at the network until the bar has been read, so "while saving" is observed.
    const release = await holdSaves(page, course.id)
    await save.click()
    // Optimistic reset: the form is clean at once; the bar only says it is saving.
    const bar = page.locator('.save-bar')
    await bar.getByText('Saving…').waitFor()
    expect(await bar.textContent()).not.toContain('unsaved')
    release()
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor()
    expect(await save.count()).toBe(0)
    expect(await page.getByTestId('course-heading').textContent()).toBe('Edited Course Title')
    expect(data(await owner.get<Course>(`/api/courses/${course.id}`))).toMatchObject({ title: 'Edited Course Title', category: 'Business' })
    await visit(page, `/studio/courses/${course.id}`)
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Edited Course Title')
  })

  it('rolls back to the server’s truth with a toast when the course was deleted meanwhile', async () => {
    const owner = await signedUp()
    const course = await courseVia(owner, 'Deleted Underneath')
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.getByLabel('Title', { exact: true }).fill('Never Saved Title')
    // Another tab deletes the course just as this one saves: the save reaches a deleted course.
    await page.route(`**/api/courses/${course.id}`, async (route) => {
      if (route.request().method() === 'PATCH') data(await owner.delete(`/api/courses/${course.id}`))
      await route.continue()
    })
    await page.getByRole('button', { name: 'Save changes' }).click()
    await toast(page, 'Your changes were not saved').waitFor()
    await page.getByRole('heading', { name: 'This course isn’t available' }).waitFor()
    expect(await page.getByText('Never Saved Title').count()).toBe(0)
    const trash = data(await owner.get<Course[]>('/api/courses/deleted'))
    expect(trash.map(c => c.title)).toEqual(['Deleted Underneath'])
  })

  it('keeps what is being typed when the server answers mid-typing, and follows the server elsewhere', async () => {
    const owner = await signedUp()
    const course = await courseVia(owner, 'Original Title', 'First draft.')
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)

    // Another tab renames the course while this one edits the description.
    data(await owner.patch(`/api/courses/${course.id}`, { title: 'Renamed Elsewhere' }))

    // Hold this tab's save until the user has typed more, so the answer lands mid-typing.
    const release = await holdSaves(page, course.id)

    const description = page.getByLabel('Description', { exact: true })
    await description.click()
    await description.press('End')
    await description.pressSequentially(' Second')
    await page.getByRole('button', { name: 'Save changes' }).click()
    // The submit handler validates first and reads the values after: wait until the save is
    // under way, or the keystrokes below can land in the values it sends.
    await page.getByRole('status').filter({ hasText: 'Saving…' }).waitFor()
    await description.pressSequentially(' and third')
    release()
    await page.getByTestId('course-heading').filter({ hasText: 'Renamed Elsewhere' }).waitFor()

    expect(await description.inputValue()).toBe('First draft. Second and third')
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Renamed Elsewhere')
    // The save has answered; what was typed since is the one unsaved change.
    await page.getByRole('status').filter({ hasText: '1 unsaved change' }).waitFor()
    expect(await page.getByRole('button', { name: /^Save changes/ }).isEnabled()).toBe(true)
    expect(data(await owner.get<Course>(`/api/courses/${course.id}`))).toMatchObject({ title: 'Renamed Elsewhere', description: 'First draft. Second' })
  })
})
