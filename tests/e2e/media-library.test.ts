import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import type { MediaPage } from '../../shared/types/media'
import { userChannel } from '../../shared/realtime/channels'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { liveChannelTab } from '../support/live-tab'
import { samplePdf } from '../support/attachment-fixtures'
import { createUpload, sendAll } from '../support/tus-client'

/** A course with one chapter of two lessons, owned by `owner`. */
async function courseWithLessons(owner: ApiClient, title: string) {
  const course = data(await owner.post<Course>('/api/courses', { title, category: 'Design' }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Basics' }))
  for (const lesson of ['Colour theory', 'Composition']) await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: lesson })
  return course
}

/** A PDF put into the library through the resumable pipeline (the library target). */
async function libraryPdf(owner: ApiClient, name: string) {
  const bytes = samplePdf()
  const created = await createUpload(owner, { size: bytes.length, metadata: { filename: name, filetype: 'application/pdf', target: 'library' } })
  expect(created.status, created.body).toBe(201)
  expect((await sendAll(owner, created.url!, bytes, 64 * 1024)).status).toBe(204)
  await expect.poll(async () => data(await owner.get<MediaPage>(`/api/media?q=${encodeURIComponent(name)}`)).items[0]?.status, { timeout: 30_000 }).toBe('READY')
}

const tile = (page: Page, name: string) => page.getByTestId('media-item').filter({ hasText: name })
const panel = (page: Page) => page.getByTestId('media-panel')

async function linkTo(page: Page, course: string, lesson: string, role: string) {
  await panel(page).getByRole('button', { name: 'Link to…' }).click()
  const form = panel(page).getByRole('form', { name: 'Link to a course, chapter or lesson' })
  await form.getByLabel('Course', { exact: true }).selectOption({ label: course })
  await form.getByLabel('Where', { exact: true }).selectOption({ label: `Lesson: ${lesson}` })
  await form.getByLabel('As', { exact: true }).selectOption({ label: role })
  await form.getByRole('button', { name: 'Link', exact: true }).click()
  await panel(page).getByTestId('usage').filter({ hasText: lesson }).waitFor()
}

describe('the media library in the browser', () => {
  it('links a file to two lessons, refuses a plain delete listing the usages, unlinks and trashes it, and restores it with its links and history', async () => {
    const owner = await signedUp({ name: 'Lena Library' })
    await courseWithLessons(owner, 'Painting Light')
    const { page, listRequests, subscribed } = await liveChannelTab(owner, userChannel(owner.user!.id), '/api/media')
    await visit(page, '/studio/media')
    await page.getByRole('heading', { name: 'No files yet' }).waitFor()
    await subscribed()

    // Upload into the library, its bytes held back: the uploader's own refetch lists the new file
    // while it is still uploading…
    let release!: () => void
    const released = new Promise<void>(resolve => (release = resolve))
    await page.route('**/api/uploads/*', async (route) => {
      if (route.request().method() === 'PATCH') await released
      await route.continue()
    })
    await page.getByTestId('library-upload-input').setInputFiles([{ name: 'Palette handout.pdf', mimeType: 'application/pdf', buffer: samplePdf() }])
    await tile(page, 'Palette handout.pdf').getByText('Uploading').waitFor({ timeout: 15_000 })
    // …and from there the socket alone brings it to ready: the list is not fetched again.
    listRequests.length = 0
    release()
    // (Its status badge is gone once it is ready; the badge's text is upper-cased by CSS.)
    await tile(page, 'Palette handout.pdf').getByTestId('media-status').waitFor({ state: 'detached', timeout: 15_000 })
    await page.getByTestId('library-upload').waitFor({ state: 'detached' })
    expect(listRequests).toEqual([])

    await tile(page, 'Palette handout.pdf').getByRole('button', { name: 'Open Palette handout.pdf' }).click()
    await panel(page).getByText('Not used anywhere yet.').waitFor()
    await linkTo(page, 'Painting Light', 'Colour theory', 'Handout')
    await linkTo(page, 'Painting Light', 'Composition', 'Attachment')
    await expect.poll(() => tile(page, 'Palette handout.pdf').getByTestId('usage-badge').innerText()).toBe('Used in 2 places')

    // Deleting a used file lists where it is used; the choice is to unlink everywhere and trash it.
    await panel(page).getByRole('button', { name: 'Delete…' }).click()
    const dialog = page.getByRole('dialog', { name: '“Palette handout.pdf” is in use' })
    await dialog.waitFor()
    const listed = await dialog.getByTestId('delete-usages').innerText()
    expect(listed).toContain('Colour theory')
    expect(listed).toContain('Composition')
    await dialog.getByRole('button', { name: 'Unlink from 2 places and move to trash' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await tile(page, 'Palette handout.pdf').waitFor({ state: 'detached' })

    await visit(page, '/studio/media/trash')
    const trashed = page.getByTestId('trash-item').filter({ hasText: 'Palette handout.pdf' })
    await trashed.getByText('Was used in 2 places').waitFor()
    expect(await trashed.getByLabel('Re-link where it was used').isChecked()).toBe(true)
    await trashed.getByRole('button', { name: 'Restore Palette handout.pdf' }).click()
    await page.getByTestId('restore-result').getByText('is back in the library').waitFor()
    expect(await page.getByTestId('restore-result').innerText()).toContain('Colour theory')

    await visit(page, '/studio/media')
    await expect.poll(() => tile(page, 'Palette handout.pdf').getByTestId('usage-badge').innerText()).toBe('Used in 2 places')
    await tile(page, 'Palette handout.pdf').getByRole('button', { name: 'Open Palette handout.pdf' }).click()
    const history = panel(page).getByTestId('history-entry')
    await history.first().waitFor()
    const actions = await history.evaluateAll(entries => entries.map(e => e.getAttribute('data-action')))
    for (const action of ['UPLOAD', 'LINK', 'UNLINK', 'DELETE', 'RESTORE']) expect(actions).toContain(action)
  })

  it('hydrates cleanly for a reader in another time zone and language, the upload date in theirs', async () => {
    // The server renders in UTC and English; the browser tests fail on Vue's hydration-mismatch
    // error, which a date printed in the server's zone and language caused.
    const owner = await signedUp()
    await libraryPdf(owner, 'Far east notes.pdf')
    const page = await newPage(owner, { timezoneId: 'Pacific/Kiritimati', locale: 'de-DE' })
    await visit(page, '/studio/media')
    const { createdAt } = data(await owner.get<MediaPage>('/api/media?q=Far%20east')).items[0]!
    const expected = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Pacific/Kiritimati' }).format(new Date(createdAt))
    await expect.poll(() => tile(page, 'Far east notes.pdf').locator('time').innerText()).toBe(expected)
    await page.getByRole('button', { name: 'List', exact: true }).click()
    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    await expect.poll(() => tile(page, 'Far east notes.pdf').locator('time').innerText()).toBe(expected)
  })

  it('keeps the grid or list choice across a reload, and filters by the address', async () => {
    const owner = await signedUp()
    await libraryPdf(owner, 'Unused syllabus.pdf')
    const page = await newPage(owner)
    await visit(page, '/studio/media?usage=used')
    await page.getByRole('heading', { name: 'No files match' }).waitFor()
    await visit(page, '/studio/media?usage=unused')
    await tile(page, 'Unused syllabus.pdf').waitFor()
    await page.getByRole('button', { name: 'List', exact: true }).click()
    // The list is a selectable grid with column headers (the grid view has none).
    const listHeader = page.getByRole('grid', { name: 'Files' }).getByRole('columnheader', { name: 'Name' })
    await listHeader.waitFor()
    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    await listHeader.waitFor()
  })
})
