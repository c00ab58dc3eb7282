// Bulk actions on the media library in Chromium: the files are picked through the toolbar
// ("Select all shown" after a search); a plain trash takes every selected file out at once and
// brings back the linked one with its reason, still selected; tags added in bulk filter the
// library; the bulk edit form shows mixed values and sends only what was edited.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, inject, it } from 'vitest'
import type { Page, Route } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import type { Chapter, Lesson } from '../../shared/types/outline'
import type { MediaPage } from '../../shared/types/media'
import { createMediaFile } from '../../prisma/seed/media-factories'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { describeWithDatabase, testDb } from '../support/database'
import { readZip } from '../support/zip-reader'

const tile = (page: Page, name: string) => page.getByTestId('media-item').filter({ hasText: name })
const toolbar = (page: Page) => page.getByTestId('bulk-toolbar')
const toast = (page: Page, text: string | RegExp) => page.locator('[data-sonner-toast]').filter({ hasText: text })
const files = async (owner: ApiClient, query: string) => data(await owner.get<MediaPage>(`/api/media?${query}&sort=name`)).items

async function selectAllShown(page: Page, search: string, expected: number) {
  await visit(page, `/studio/media?q=${encodeURIComponent(search)}`)
  await expect.poll(() => page.getByTestId('media-item').count()).toBe(expected)
  await toolbar(page).getByRole('button', { name: 'Select all shown' }).click()
  await toolbar(page).getByRole('status').filter({ hasText: `${expected} selected` }).waitFor()
}

describeWithDatabase('bulk actions on the media library in the browser', () => {
  it('trashes the selection at once, brings the linked file back with its reason and keeps it selected, then unlinks and trashes it', async () => {
    const owner = await signedUp({ name: 'Tia Trash' })
    const ownerId = owner.user!.id
    const course = data(await owner.post<Course>('/api/courses', { title: 'Print design', category: 'Design' }))
    const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Type' }))
    const lesson = data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Kerning' }))
    for (const name of ['Bulk alpha.pdf', 'Bulk beta.pdf', 'Bulk linked.pdf']) await createMediaFile(testDb(), ownerId, { name })
    const linked = (await files(owner, 'q=linked'))[0]!
    data(await owner.post(`/api/media/${linked.id}/links`, { targetType: 'LESSON', targetId: lesson.id, role: 'HANDOUT' }))

    const page = await newPage(owner)
    await selectAllShown(page, 'Bulk', 3)
    await toolbar(page).getByRole('button', { name: 'Move to trash' }).click()
    // The title counts what will move, like the button: the linked file is skipped.
    const dialog = page.getByRole('dialog', { name: 'Move 2 of the 3 files selected to the trash?' })
    const preview = dialog.getByTestId('bulk-preview')
    await preview.getByText('1 file is linked and will be skipped').waitFor()
    expect(await preview.innerText()).toContain('Bulk linked.pdf (used in 1 place)')

    // Hold the server's answer: meanwhile every selected file has already left the grid.
    let release: () => void = () => {}
    const held = new Promise<void>(resolve => (release = resolve))
    await page.route('**/api/media/bulk', async (route: Route) => {
      await held
      await route.continue()
    })
    await dialog.getByRole('button', { name: 'Move 2 files to trash' }).click()
    await expect.poll(() => page.getByTestId('media-item').count()).toBe(0)
    release()

    await toast(page, '2 moved to trash, 1 failed').waitFor()
    await tile(page, 'Bulk linked.pdf').waitFor()
    await expect.poll(() => page.getByTestId('media-item').count()).toBe(1)
    await toolbar(page).getByRole('status').filter({ hasText: '1 selected' }).waitFor()
    const failure = toolbar(page).getByTestId('bulk-failures')
    expect(await failure.innerText()).toMatch(/Bulk linked\.pdf\s*⚠\s*Used in 1 place; use “Unlink and trash” to move it to the trash/)
    // The file itself carries the reason, and stays selected.
    expect(await tile(page, 'Bulk linked.pdf').getByTestId('bulk-failure').innerText()).toContain('Used in 1 place')
    expect(await tile(page, 'Bulk linked.pdf').getAttribute('aria-selected')).toBe('true')
    expect((await files(owner, 'q=Bulk')).map(f => f.name)).toEqual(['Bulk linked.pdf'])
    await page.unroute('**/api/media/bulk')

    // The failed file is still selected: "Unlink and trash" takes it, and the list is empty.
    await toolbar(page).getByRole('button', { name: 'Unlink and trash' }).click()
    const unlinkDialog = page.getByRole('dialog', { name: 'Move 1 file to the trash?' })
    await unlinkDialog.getByTestId('bulk-preview').getByText('1 linked file will be unlinked from 1 place first').waitFor()
    await unlinkDialog.getByRole('button', { name: 'Unlink and move 1 file to trash' }).click()
    await toast(page, '1 file unlinked and moved to trash').waitFor()
    await page.getByRole('heading', { name: 'No files match' }).waitFor()
    expect(await files(owner, 'q=Bulk')).toEqual([])
    expect(await testDb().mediaLink.count({ where: { mediaFileId: linked.id } })).toBe(0)

    // In the trash: select two of them and restore them.
    await visit(page, '/studio/media/trash')
    for (const name of ['Bulk alpha.pdf', 'Bulk linked.pdf']) await page.getByRole('checkbox', { name: `Select ${name}` }).check()
    await page.getByTestId('trash-bulk-toolbar').getByRole('button', { name: 'Restore…' }).click()
    const restore = page.getByRole('dialog', { name: 'Restore 2 files?' })
    await restore.getByText('1 of them was used in 1 place when deleted').waitFor()
    await restore.getByRole('button', { name: 'Restore 2 files' }).click()
    await toast(page, '2 files restored').waitFor()
    await expect.poll(async () => (await files(owner, 'q=Bulk')).map(f => [f.name, f.usageCount])).toEqual([['Bulk alpha.pdf', 0], ['Bulk linked.pdf', 1]])
    await expect.poll(() => page.getByTestId('trash-item').count()).toBe(1)
  })

  it('says "nothing to move" with the button disabled when every selected file is linked, and closes the panel of a trashed file at once', async () => {
    const owner = await signedUp({ name: 'Lio Linked' })
    const ownerId = owner.user!.id
    const course = data(await owner.post<Course>('/api/courses', { title: 'Poster design', category: 'Design' }))
    const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Grids' }))
    const lesson = data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'Columns' }))
    for (const name of ['Held one.pdf', 'Held two.pdf']) {
      const file = await createMediaFile(testDb(), ownerId, { name })
      data(await owner.post(`/api/media/${file.id}/links`, { targetType: 'LESSON', targetId: lesson.id, role: 'HANDOUT' }))
    }
    await createMediaFile(testDb(), ownerId, { name: 'Held loose.pdf' })

    const page = await newPage(owner)
    // Select the two linked files only.
    await selectAllShown(page, 'Held', 3)
    await tile(page, 'Held loose.pdf').click({ modifiers: ['Control'] })
    await toolbar(page).getByRole('status').filter({ hasText: '2 selected' }).waitFor()
    await toolbar(page).getByRole('button', { name: 'Move to trash' }).click()
    const dialog = page.getByRole('dialog', { name: 'Nothing to move to the trash' })
    await dialog.getByTestId('bulk-preview').getByText('2 files are linked and will be skipped').waitFor()
    expect(await dialog.getByRole('button', { name: 'Move 0 files to trash' }).isDisabled()).toBe(true)
    // Choosing to unlink them first makes the two movable: title and button agree.
    await dialog.getByLabel('Unlink the linked files everywhere and move them to the trash too').check()
    const unlink = page.getByRole('dialog', { name: 'Move 2 files to the trash?' })
    expect(await unlink.getByRole('button', { name: 'Unlink and move 2 files to trash' }).isEnabled()).toBe(true)
    await unlink.getByRole('button', { name: 'Cancel' }).click()

    // The open panel of a file that goes to the trash closes at once; the page never asks for it again.
    await tile(page, 'Held loose.pdf').getByRole('button', { name: 'Open Held loose.pdf' }).click()
    const panel = page.getByTestId('media-panel')
    await panel.getByText('Not used anywhere yet.').waitFor()
    await panel.getByRole('button', { name: 'Delete…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: /Move to trash/ }).click()
    await panel.waitFor({ state: 'detached' })
    await toast(page, '“Held loose.pdf” moved to the trash').waitFor()
    expect(await page.getByText('File not found').count()).toBe(0)
  })

  it('downloads the selection as one zip while the page stays, and says in a toast why a zip could not be made', async () => {
    const owner = await signedUp({ name: 'Zed Zip' })
    const root = inject('storageDir')
    const [first] = [
      await createMediaFile(testDb(), owner.user!.id, { name: 'Zip first.txt', mimeType: 'text/plain', store: { root, bytes: Buffer.from('first') } }),
      await createMediaFile(testDb(), owner.user!.id, { name: 'Zip second.txt', mimeType: 'text/plain', store: { root, bytes: Buffer.from('second') } }),
    ]
    const page = await newPage(owner)
    await selectAllShown(page, 'Zip', 2)
    const button = toolbar(page).getByRole('button', { name: 'Download as zip' })
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    expect(download.suggestedFilename()).toMatch(/^lectern-files-\d{4}-\d{2}-\d{2}\.zip$/)
    const saved = join(mkdtempSync(join(tmpdir(), 'lectern-zip-')), 'download.zip')
    await download.saveAs(saved) // the browser runs in its own process: copy the file out
    const entries = readZip(readFileSync(saved))
    expect(entries.map(entry => `${entry.name}: ${entry.data}`).sort()).toEqual(['Zip first.txt: first', 'Zip second.txt: second'])

    // The bytes of one file are gone: the answer is a refusal, shown where the user is.
    rmSync(join(root, 'files', first!.storageKey))
    await button.focus()
    await page.keyboard.press('Enter')
    await toast(page, 'The stored content of “Zip first.txt” is missing').waitFor()
    expect(new URL(page.url()).pathname).toBe('/studio/media')
    await toolbar(page).getByRole('status').filter({ hasText: '2 selected' }).waitFor()
  })

  it('tags the selection in bulk and then filters the library by that tag', async () => {
    const owner = await signedUp({ name: 'Tom Tags' })
    for (const name of ['Tag one.pdf', 'Tag two.pdf', 'Tag three.pdf']) await createMediaFile(testDb(), owner.user!.id, { name })
    const page = await newPage(owner)
    await selectAllShown(page, 'Tag t', 2)
    await toolbar(page).getByRole('button', { name: 'Tags…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Tags of 2 files' })
    await dialog.getByLabel('Tags', { exact: true }).fill('Week 1, handouts')
    await dialog.getByTestId('bulk-preview').getByText('“week 1” will be added to 2 files').waitFor()
    await dialog.getByRole('button', { name: 'Add tags' }).click()
    await toast(page, '2 files tagged').waitFor()
    await expect.poll(async () => (await files(owner, 'q=Tag')).map(f => [f.name, f.tags])).toEqual([
      ['Tag one.pdf', []], ['Tag three.pdf', ['handouts', 'week 1']], ['Tag two.pdf', ['handouts', 'week 1']],
    ])

    await visit(page, '/studio/media')
    await expect.poll(() => page.getByTestId('media-item').count()).toBe(3)
    await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'week 1 (2)' })
    await page.waitForURL(/tag=week(\+|%20)1/)
    await expect.poll(() => page.getByTestId('media-item').allInnerTexts()).toEqual([expect.stringContaining('Tag'), expect.stringContaining('Tag')])
    expect(await tile(page, 'Tag one.pdf').count()).toBe(0)
  })

  it('fills the bulk edit form from the selection, shows mixed values, and sends only the edited fields', async () => {
    const owner = await signedUp({ name: 'Eda Edit' })
    for (const [name, altText] of [['Edit red.png', 'A red square'], ['Edit blue.png', 'A blue square']] as const) {
      const created = await createMediaFile(testDb(), owner.user!.id, { name, mimeType: 'image/png' })
      await testDb().mediaFile.update({ where: { id: created.id }, data: { altText } })
    }
    const blue = (await files(owner, 'q=blue'))[0]!
    data(await owner.post('/api/media/bulk', { action: 'addTags', ids: [blue.id], tags: ['shapes'] }))

    const page = await newPage(owner)
    await selectAllShown(page, 'Edit', 2)
    await toolbar(page).getByRole('button', { name: 'Edit…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit 2 files' })
    await dialog.getByTestId('mixed-alt-text').waitFor()
    expect(await dialog.getByLabel('Alt text').inputValue()).toBe('')
    expect(await dialog.getByTestId('tag-mixed').innerText()).toMatch(/shapes\s*mixed 1\/2/i)
    expect(await dialog.getByRole('button', { name: 'Apply to 2 files' }).isDisabled()).toBe(true)

    // Only a new tag: the differing alt texts stay as they are.
    await dialog.getByLabel('New tag').fill('Squares')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await dialog.getByTestId('bulk-preview').getByText('On all 2 files: add “squares”.').waitFor()
    const sent = page.waitForRequest(request => request.url().endsWith('/api/media/bulk') && request.method() === 'POST')
    await dialog.getByRole('button', { name: 'Apply to 2 files' }).click()
    expect((await sent).postDataJSON()).toEqual({ action: 'edit', ids: expect.any(Array), changes: { addTags: ['squares'] } })
    await toast(page, '2 files updated').waitFor()
    await expect.poll(async () => (await files(owner, 'q=Edit')).map(f => [f.name, f.altText, f.tags])).toEqual([
      ['Edit blue.png', 'A blue square', ['shapes', 'squares']],
      ['Edit red.png', 'A red square', ['squares']],
    ])

    // Now the alt text: typed once, set on both.
    // Everything succeeded, so nothing stays selected. The first toast goes first, so that the
    // next one seen is the second edit's.
    await toolbar(page).getByRole('status').filter({ hasText: 'No files selected' }).waitFor()
    await toast(page, '2 files updated').waitFor({ state: 'detached', timeout: 15_000 })
    await toolbar(page).getByRole('button', { name: 'Select all shown' }).click()
    await toolbar(page).getByRole('button', { name: 'Edit…' }).click()
    const again = page.getByRole('dialog', { name: 'Edit 2 files' })
    expect(await again.getByTestId('tag-on-all').innerText()).toContain('squares')
    await again.getByLabel('Alt text').fill('A coloured square')
    await again.getByRole('button', { name: 'Apply to 2 files' }).click()
    await toast(page, '2 files updated').waitFor()
    await expect.poll(async () => (await files(owner, 'q=Edit')).map(f => f.altText)).toEqual(['A coloured square', 'A coloured square'])
  })
})
