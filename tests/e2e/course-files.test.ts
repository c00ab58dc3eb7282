// The course's Files tab in Chromium: add a library file to a lesson and to the course from the
// course's side, see it in place (and in the library's panel), remove it again, and see a link
// made from the file's side arrive by the socket with the fallback off.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createMediaFile } from '../../prisma/seed/media-factories'
import { userChannel } from '../../shared/realtime/channels'
import { data } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { describeWithDatabase, testDb } from '../support/database'
import { liveChannelTab } from '../support/live-tab'
import { studio } from '../support/media-fixtures'

const place = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true })

async function addFromLibrary(page: Page, placeLabel: string, fileName: string, role: string) {
  await page.getByRole('button', { name: `Add from library to ${placeLabel}` }).click()
  const dialog = page.getByRole('dialog', { name: 'Add from library' })
  await dialog.getByRole('searchbox', { name: 'Search your files' }).fill(fileName.slice(0, 6))
  await dialog.getByRole('radio', { name: new RegExp(fileName) }).check()
  await dialog.getByLabel('As', { exact: true }).selectOption({ label: role })
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
}

describeWithDatabase('a course\'s files tab in the browser', () => {
  it('adds library files to a lesson and to the course, shows them where they are used, and removes them', async () => {
    const { owner, ownerId, course } = await studio('Studio Lighting')
    await createMediaFile(testDb(), ownerId, { name: 'Gel chart.pdf', mimeType: 'application/pdf', purpose: 'LIBRARY' })
    await createMediaFile(testDb(), ownerId, { name: 'Cover shot.png', mimeType: 'image/png', purpose: 'LIBRARY' })
    const page = await newPage(owner)
    await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    await visit(page, `/studio/courses/${course.id}`)
    await page.getByRole('navigation', { name: 'Course sections' }).getByRole('link', { name: 'Files' }).click()
    await page.getByRole('heading', { name: 'Files' }).waitFor()
    await place(page, 'Lesson: Key light').getByText('No files here yet.').waitFor()

    await addFromLibrary(page, 'Lesson: Key light', 'Gel chart.pdf', 'Handout')
    await place(page, 'Lesson: Key light').getByRole('link', { name: 'Gel chart.pdf' }).waitFor()
    expect(await place(page, 'Lesson: Key light').innerText()).toContain('Handout')
    await addFromLibrary(page, 'Course: cover and resources', 'Cover shot.png', 'Cover image')
    await place(page, 'Course: cover and resources').getByRole('link', { name: 'Cover shot.png' }).waitFor()

    // The server holds both links: a reload shows them, and the library's panel lists the lesson.
    await page.reload()
    await place(page, 'Lesson: Key light').getByRole('link', { name: 'Gel chart.pdf' }).waitFor()
    await place(page, 'Course: cover and resources').getByRole('link', { name: 'Cover shot.png' }).waitFor()
    await visit(page, '/studio/media')
    await page.getByTestId('media-item').filter({ hasText: 'Gel chart.pdf' }).getByRole('button', { name: 'Open Gel chart.pdf' }).click()
    const usage = page.getByTestId('media-panel').getByTestId('usage')
    await usage.filter({ hasText: 'Key light' }).waitFor()
    expect(await usage.filter({ hasText: 'Key light' }).innerText()).toContain('Handout')
    expect(await usage.count()).toBe(1)
    await visit(page, `/studio/courses/${course.id}/files`)

    // Removing it from one lesson keeps it in the library and in the other lesson.
    await place(page, 'Lesson: Key light').getByRole('button', { name: 'Remove Gel chart.pdf (Handout) from Lesson: Key light' }).click()
    await place(page, 'Lesson: Key light').getByText('No files here yet.').waitFor()
    await expect.poll(async () => (await testDb().mediaLink.findMany({ where: { courseId: course.id }, select: { role: true } })).map(l => l.role)).toEqual(['COVER'])
    await page.reload()
    await place(page, 'Lesson: Key light').getByText('No files here yet.').waitFor()
    expect(await testDb().mediaFile.count({ where: { ownerId, originalName: 'Gel chart.pdf', deletedAt: null } })).toBe(1)
    await page.close()
  }, 60_000)

  it('shows a link made from the file\'s side (the library, another tab) by the socket alone', async () => {
    const { owner, ownerId, course, lessons } = await studio('Live Files')
    const sheet = await createMediaFile(testDb(), ownerId, { name: 'Exposure sheet.pdf', mimeType: 'application/pdf', purpose: 'LIBRARY' })
    // The file's events go to its owner's channel; the Files tab refetches when one arrives.
    const { page, listRequests, events, subscribed } = await liveChannelTab(owner, userChannel(ownerId), `/api/courses/${course.id}/files`)
    await visit(page, `/studio/courses/${course.id}/files`)
    await place(page, 'Lesson: Fill light').getByText('No files here yet.').waitFor()
    await subscribed()
    listRequests.length = 0
    data(await owner.post(`/api/media/${sheet.id}/links`, { targetType: 'LESSON', targetId: lessons[1]!.id, role: 'ATTACHMENT' }))
    await place(page, 'Lesson: Fill light').getByRole('link', { name: 'Exposure sheet.pdf' }).waitFor({ timeout: 10_000 })
    expect(await place(page, 'Lesson: Fill light').innerText()).toContain('Attachment')
    // It came by the socket: the file's event arrived, and the tab fetched its files only after.
    expect(events.some(event => event.type === 'media-updated' && (event.item as { id: string }).id === sheet.id)).toBe(true)
    expect(listRequests.length).toBeGreaterThan(0)
    await page.close()
  })
})
