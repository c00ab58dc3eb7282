import { text } from 'node:stream/consumers'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createCourse, createEnrollment, createOutline, createUser } from '../../prisma/seed/factories'
import { signedUp } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { describeWithDatabase, testDb } from '../support/database'
import { createLibraryFile, createProgress, dayOf } from '../support/media-insights-fixtures'
import { refreshInsights } from '../support/insights'

const ENDPOINTS = ['storage', 'usage', 'uploads', 'performance']

/**
 * Lets the page finish what the last change set off: Vue runs the effects of a change before the
 * next frame, and a query starts its fetch in the same tick its key changes.
 */
const settled = (page: Page) => page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))

describeWithDatabase('media insights in the browser', () => {
  it('shows the four analytics, refetches only them when the range changes, and turns a chart into a table and a CSV', async () => {
    const instructor = await signedUp()
    const db = testDb()
    const ownerId = instructor.user!.id
    const course = await createCourse(db, ownerId, { title: 'Browser Insights', status: 'PUBLISHED' })
    const [chapter] = await createOutline(db, course.id, [['One', ['Welcome', 'Basics']]])
    const video = await createLibraryFile(db, ownerId, { name: 'welcome.mp4', size: 5 * 1024 * 1024, daysAgo: 3, mimeType: 'video/mp4' })
    await db.video.update({ where: { id: chapter!.videos[0]!.id }, data: { mediaFileId: video.id } })
    await createLibraryFile(db, ownerId, { name: 'handout.pdf', size: 300 * 1024, daysAgo: 12 })
    await createLibraryFile(db, ownerId, { name: '=unused, "old".zip', size: 2 * 1024 * 1024, daysAgo: 20 })
    const student = await createUser(db, { role: 'STUDENT' })
    const enrollment = await createEnrollment(db, course.id, student.id)
    await createProgress(db, enrollment.id, chapter!.videos[0]!.id, { savedDaysAgo: 2, completedDaysAgo: 2 })

    await refreshInsights()
    const page = await newPage(instructor)
    await visit(page, '/studio')
    // The page's first answers, one per analytics endpoint: recording starts once all are in.
    const firstAnswers = Promise.all(ENDPOINTS.map(endpoint => page.waitForResponse(r => new URL(r.url()).pathname === `/api/media/insights/${endpoint}`)))
    await page.getByRole('link', { name: 'Media insights' }).click()
    await page.waitForURL('**/studio/media/insights')
    // Presets are radios styled as pills: a user clicks the pill (its label).
    const choose = (preset: string) => page.locator('label', { has: page.getByRole('radio', { name: preset, exact: true }) }).click()
    const section = (id: string) => page.getByTestId(`insights-${id}`)
    await section('storage').getByText('7.3 MB').waitFor()
    await page.getByTestId('insights-computed-at').getByText(/^Updated /).waitFor()
    await section('usage').getByText('Largest never-used files').waitFor()
    await expect.poll(() => page.getByTestId('uploads-total').innerText()).toBe('3')
    await section('performance').getByText('Views and completions per video').waitFor()
    await expect.poll(() => page.locator('canvas').count()).toBe(6)
    await firstAnswers

    // A new preset: the four analytics endpoints again, with the new range, and nothing else.
    const requested: string[] = []
    // Everything the page asks for, except Chromium's own tab icon, which it fetches again after
    // each address change, and Nuxt's build manifest (/_nuxt/builds/meta/…), which the framework
    // fetches once on a first client-side navigation or when it checks for a newer build: neither
    // is the app's data.
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (path !== '/favicon.svg' && !path.startsWith('/_nuxt/builds/')) requested.push(request.url())
    })
    const answered = Promise.all(ENDPOINTS.map(endpoint => page.waitForResponse(r => r.url().includes(`/api/media/insights/${endpoint}?preset=7d`))))
    await choose('Last 7 days')
    await answered
    await page.waitForURL(url => new URL(url).searchParams.get('preset') === '7d')
    await expect.poll(() => page.getByTestId('uploads-total').innerText()).toBe('1')
    await settled(page)
    expect(requested.map(url => new URL(url)).map(url => `${url.pathname}${url.search}`).sort())
      .toEqual(ENDPOINTS.map(endpoint => `/api/media/insights/${endpoint}?preset=7d`).sort())

    // Back to 30 days: cached for five minutes, so nothing is fetched at all, from here to the end
    // of the test (the table, the CSV built in the browser, a refused custom range): a late
    // request of the 7-day switch would show up here too.
    requested.length = 0
    await choose('Last 30 days')
    await expect.poll(() => page.getByTestId('uploads-total').innerText()).toBe('3')
    await settled(page)
    expect(requested).toEqual([])

    // The table view of the never-used files, and its CSV: the same rows, quoted where needed.
    const figure = page.getByRole('figure', { name: 'Largest never-used files' })
    await figure.getByRole('button', { name: 'Show as table' }).click()
    const table = figure.getByRole('table')
    const rows = await table.getByRole('row').allInnerTexts()
    expect(rows).toHaveLength(3)
    expect(rows[1]).toContain('=unused, "old".zip')
    expect(rows[1]).toContain('2.0 MB')
    await expect.poll(() => figure.getByRole('button', { name: 'Show as chart' }).getAttribute('aria-pressed')).toBe('true')
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Export CSV' }).click()])
    expect(download.suggestedFilename()).toMatch(/^media-never-used-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = (await text(await download.createReadStream())).replace(/^\uFEFF/, '')
    const lines = csv.trimEnd().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe('File,Kind,Used in,In trashed courses,Size (bytes),Uploaded')
    expect(lines[1]).toMatch(/^"'=unused, ""old"".zip",Archives,0,0,2097152,\d{4}-\d{2}-\d{2}$/)
    expect(lines[2]).toMatch(/^handout\.pdf,PDFs,0,0,307200,/)

    // A custom range is checked before anything is fetched.
    await choose('Custom')
    await page.getByLabel('From', { exact: true }).fill(dayOf(10))
    await page.getByLabel('To', { exact: true }).fill(dayOf(20))
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.getByText('The end must be on or after the start').waitFor()
    expect(requested).toEqual([])
  })
})
