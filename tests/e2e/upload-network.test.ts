// Uploads that survive the network: retries by themselves (back-off, back online), Retry only once
// the retries are used up, refusals with their reason and nothing left behind, a reload's real
// percentage and "pick the same file", another tab's upload shown as such, and the media
// library's interrupted uploads with resume and discard.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page, Route } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import type { MediaItem, UnfinishedUpload } from '../../shared/types/media'
import type { Chapter } from '../../shared/types/outline'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { liveTab } from '../support/live-tab'
import { sampleVideo } from '../support/video-fixtures'

const scratch = () => mkdtempSync(join(tmpdir(), 'lectern-upload-net-'))

function videoFile(name = 'Welcome and overview.mp4'): string {
  const path = join(scratch(), name)
  copyFileSync(sampleVideo(), path)
  return path
}

/** A real PDF-looking file of ~100 kB on disk (picking it again is the same file to the browser). */
function pdfFile(name: string): string {
  const path = join(scratch(), name)
  writeFileSync(path, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(100_000)]))
  return path
}

async function courseWithChapter(owner: ApiClient) {
  const course = data(await owner.post<Course>('/api/courses', { title: 'Network course', category: 'Design' }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Week one' }))
  return { course, chapter }
}

const lessonsOf = async (owner: ApiClient, courseId: string) => data(await owner.get<Chapter[]>(`/api/courses/${courseId}/chapters`))[0]!.lessons
const lessonMedia = (page: Page, title: string) => page.locator('li.lesson').filter({ has: page.getByRole('button', { name: `${title}, rename lesson` }) }).locator('.media')

/** 16 kB chunks (a 60 kB video takes several PATCHes) and short back-off delays. */
async function uploaderTab(owner: ApiClient, retryDelays = '1000,1000,1000') {
  const page = await newPage(owner)
  await page.addInitScript((delays) => {
    localStorage.setItem('lectern:upload-chunk-bytes', '16384')
    localStorage.setItem('lectern:upload-retry-delays', delays)
  }, retryDelays)
  return page
}

type ChunkMode = 'pass' | 'hold' | 'drop'

/**
 * Controls every PATCH after an upload's first: `mode` says what happens to it — pass, hold (until
 * `release` or `step`), or drop (the connection is cut). `dropped` counts the cut ones.
 */
async function laterChunks(page: Page, mode: ChunkMode = 'hold') {
  const control = { mode, dropped: 0, release: (_then: ChunkMode = 'pass') => {}, step: () => {} }
  const waiting: (() => void)[] = []
  let credits = 0
  /** Lets the held chunks go on as `then` says (pass, or drop: their connection is cut). */
  control.release = (then = 'pass') => {
    control.mode = then
    for (const resume of waiting.splice(0)) resume()
  }
  /** Lets one held chunk through (or the next one to arrive). */
  control.step = () => {
    const next = waiting.shift()
    if (next) next()
    else credits++
  }
  const seen = new Set<string>()
  await page.route('**/api/uploads/*', async (route: Route) => {
    const request = route.request()
    const first = !seen.has(request.url())
    if (request.method() === 'PATCH') seen.add(request.url())
    if (request.method() !== 'PATCH' || first) return route.continue().catch(() => {})
    if (control.mode === 'hold') {
      if (credits > 0) credits--
      else await new Promise<void>(resolve => waiting.push(resolve))
    }
    if (control.mode === 'drop') {
      control.dropped++
      return route.abort('connectionreset').catch(() => {})
    }
    // A held request whose page went away (a reload) has nobody to answer.
    await route.continue().catch(() => {})
  })
  return control
}

async function pickVideo(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Upload videos into Week one' }).click()
  await (await chooser).setFiles(path)
}

const valueOf = async (page: Page, title: string) => Number(await lessonMedia(page, title).getByRole('progressbar').getAttribute('aria-valuenow'))

// Each test waits for a chunk and then for processing (up to 30 s each on a loaded two-core box):
// the default 30 s per test is shorter than its own waits.
describe('uploads that survive the network', { timeout: 90_000 }, () => {
  it('goes on by itself after dropped connections, with no click, from the server\'s offset', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const page = await uploaderTab(owner)
    await visit(page, `/studio/courses/${course.id}`)
    const chunks = await laterChunks(page, 'drop')
    await pickVideo(page, videoFile())

    const row = lessonMedia(page, 'Welcome and overview').getByTestId('upload-row')
    await row.and(page.locator('[data-state="retrying"]')).waitFor()
    await row.getByText(/Connection lost at \d+% · trying again/).waitFor()
    expect(await row.getByRole('button', { name: /Retry/ }).count()).toBe(0)
    await expect.poll(() => chunks.dropped, { timeout: 15_000 }).toBeGreaterThanOrEqual(2)
    chunks.mode = 'pass'
    await lessonMedia(page, 'Welcome and overview').filter({ hasText: '0:03' }).waitFor({ timeout: 30_000 })
    expect((await lessonsOf(owner, course.id)).map(l => [l.title, l.status])).toEqual([['Welcome and overview', 'READY']])
  })

  it('shows Retry only once the retries are used up, and Retry continues', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const page = await uploaderTab(owner, '100,100')
    await visit(page, `/studio/courses/${course.id}`)
    const chunks = await laterChunks(page, 'drop')
    await pickVideo(page, videoFile())

    const retry = lessonMedia(page, 'Welcome and overview').getByRole('button', { name: 'Retry upload of Welcome and overview' })
    await retry.waitFor()
    // The try that failed and both automatic retries, then the user's turn.
    expect(chunks.dropped).toBe(3)
    await lessonMedia(page, 'Welcome and overview').getByText('Retry to continue from where it stopped').waitFor()
    chunks.mode = 'pass'
    await retry.click()
    await lessonMedia(page, 'Welcome and overview').filter({ hasText: '0:03' }).waitFor({ timeout: 30_000 })
  })

  it('waits while offline without using its retries, and continues as soon as the browser is online', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const page = await uploaderTab(owner, '100')
    await visit(page, `/studio/courses/${course.id}`)
    const chunks = await laterChunks(page, 'hold')
    await pickVideo(page, videoFile())
    // The first chunk passes (later ones are held): on a loaded two-core box with another test file
    // beside it, creating the lesson and its first chunk once took longer than 15 s.
    await expect.poll(() => valueOf(page, 'Welcome and overview'), { timeout: 30_000 }).toBeGreaterThan(0)

    await page.context().setOffline(true)
    chunks.release('drop') // the held chunk's connection is cut
    const row = lessonMedia(page, 'Welcome and overview')
    await row.getByText(/Offline at \d+% · continues when you are back online/).waitFor()
    expect(await row.getByRole('button', { name: /Retry/ }).count()).toBe(0)

    chunks.mode = 'pass'
    await page.context().setOffline(false)
    await row.filter({ hasText: '0:03' }).waitFor({ timeout: 30_000 })
  })

  it('waits as long as a 429 asks when starting an upload, says so, then goes on by itself', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const page = await uploaderTab(owner)
    await visit(page, `/studio/courses/${course.id}`)
    // The server's answer when this user starts uploads too fast (tests/server/limits.test.ts), once.
    let busy = 1
    await page.route('**/api/uploads', async (route: Route) => {
      if (route.request().method() !== 'POST' || busy-- <= 0) return route.continue()
      await route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'tus-resumable': '1.0.0' },
        body: JSON.stringify({ success: false, error: { code: 'RATE_LIMITED', message: 'You are starting uploads faster than Lectern accepts. Try again in 2 seconds.', details: { retryAfter: 2 } } }),
      })
    })
    await pickVideo(page, videoFile())
    const waiting = page.getByRole('list', { name: 'Files waiting to upload' })
    await waiting.getByText(/You are starting uploads faster than Lectern accepts · continues in \d s/).waitFor()
    expect(await waiting.getByRole('button', { name: /Retry/ }).count()).toBe(0)
    await lessonMedia(page, 'Welcome and overview').filter({ hasText: '0:03' }).waitFor({ timeout: 30_000 })
  })

  it('refuses a file whose content is not a video: the reason, no Retry, and no empty lesson left', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const page = await uploaderTab(owner)
    await visit(page, `/studio/courses/${course.id}`)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Upload videos into Week one' }).click()
    await (await chooser).setFiles({ name: 'Not really.mp4', mimeType: 'video/mp4', buffer: randomBytes(40_000) })

    const waiting = page.getByRole('list', { name: 'Files waiting to upload' })
    // Creating the lesson and sending the first chunk, as in the tests above.
    await waiting.getByText('This file is not a video').waitFor({ timeout: 30_000 })
    expect(await waiting.getByRole('button', { name: /Retry/ }).count()).toBe(0)
    expect(await lessonsOf(owner, course.id)).toEqual([])
    await page.getByRole('button', { name: 'Not really, rename lesson' }).waitFor({ state: 'detached' })
    await waiting.getByRole('button', { name: 'Dismiss Not really.mp4' }).click()
    await waiting.waitFor({ state: 'detached' })
  })

  it('after a reload shows the server\'s percentage and continues when the same file is picked', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const page = await uploaderTab(owner)
    await visit(page, `/studio/courses/${course.id}`)
    const chunks = await laterChunks(page, 'hold')
    const file = videoFile()
    await pickVideo(page, file)
    await expect.poll(() => valueOf(page, 'Welcome and overview'), { timeout: 30_000 }).toBeGreaterThan(0)

    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    chunks.release()
    const media = lessonMedia(page, 'Welcome and overview')
    await media.getByText(/Interrupted at \d+% · pick the same file to continue/).waitFor()
    const percent = await valueOf(page, 'Welcome and overview')
    expect(percent).toBeGreaterThan(0)
    expect(await media.getByText(`Interrupted at ${percent}%`).count()).toBe(1)

    const offsets: number[] = []
    page.on('request', r => r.method() === 'PATCH' && r.url().includes('/api/uploads/') && offsets.push(Number(r.headers()['upload-offset'])))
    const chooser = page.waitForEvent('filechooser')
    await media.getByRole('button', { name: 'Pick the same file to continue the upload of Welcome and overview' }).click()
    await (await chooser).setFiles(file)
    await media.filter({ hasText: '0:03' }).waitFor({ timeout: 30_000 })
    expect(offsets[0]).toBeGreaterThan(0) // continued, not started over
    expect((await lessonsOf(owner, course.id)).length).toBe(1)
  })

  it('shows an upload running in another tab as such, with its live progress and no "Pick file"', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const uploader = await uploaderTab(owner)
    await visit(uploader, `/studio/courses/${course.id}`)
    const chunks = await laterChunks(uploader, 'hold')
    await pickVideo(uploader, videoFile())
    await expect.poll(() => valueOf(uploader, 'Welcome and overview'), { timeout: 30_000 }).toBeGreaterThan(0)

    // Its socket must be on the course before a chunk goes on: a progress event sent earlier is
    // missed, and the next chunk is held, so nothing newer would come. Fallback polling is off in
    // this tab, so what it shows came through the socket.
    const { page: other, subscribedToCourse } = await liveTab(owner, course.id)
    await visit(other, `/studio/courses/${course.id}`)
    await subscribedToCourse()
    const row = lessonMedia(other, 'Welcome and overview')
    let before = await valueOf(other, 'Welcome and overview')
    for (let i = 0; i < 2; i++) {
      chunks.step()
      await expect.poll(() => valueOf(other, 'Welcome and overview'), { timeout: 15_000 }).toBeGreaterThan(before)
      before = await valueOf(other, 'Welcome and overview')
      await row.getByText(`Uploading in another tab · ${before}%`).waitFor()
      expect(await row.getByRole('button', { name: /Pick/ }).count()).toBe(0)
      expect(await row.getByRole('button', { name: /Pause|Cancel/ }).count()).toBe(0)
    }
    chunks.release()
    await row.filter({ hasText: '0:03' }).waitFor({ timeout: 30_000 })
  })
})

describe('interrupted uploads in the media library', { timeout: 90_000 }, () => {
  it('shows them as interrupted with the server\'s percentage; resume continues one, discard removes the other', async () => {
    const owner = await signedUp()
    const page = await uploaderTab(owner)
    await visit(page, '/studio/media')
    const chunks = await laterChunks(page, 'hold')
    const kept = pdfFile('Palette handout.pdf')
    await page.getByTestId('library-upload-input').setInputFiles([kept, pdfFile('Scrap notes.pdf')])
    const uploadRow = (name: string) => page.getByTestId('library-upload').filter({ hasText: name })
    for (const name of ['Palette handout.pdf', 'Scrap notes.pdf'])
      await expect.poll(async () => Number(await uploadRow(name).getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0)

    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    chunks.release()
    for (const name of ['Palette handout.pdf', 'Scrap notes.pdf']) {
      await uploadRow(name).and(page.locator('[data-state="interrupted"]')).waitFor()
      await uploadRow(name).getByText(/Interrupted at [1-9]\d*% · pick the same file to continue/).waitFor()
      // The grid's badge says so too, whole.
      const badge = page.getByTestId('media-item').filter({ hasText: name }).getByTestId('media-status')
      await badge.filter({ hasText: 'Interrupted' }).waitFor()
      expect(await badge.evaluate(el => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= el.closest('[data-testid="media-item"]')!.getBoundingClientRect().right)).toBe(true)
    }

    const chooser = page.waitForEvent('filechooser')
    await uploadRow('Palette handout.pdf').getByRole('button', { name: 'Pick the same file to continue the upload of Palette handout.pdf' }).click()
    await (await chooser).setFiles(kept)
    await uploadRow('Palette handout.pdf').waitFor({ state: 'detached', timeout: 30_000 })

    await uploadRow('Scrap notes.pdf').getByRole('button', { name: 'Discard the upload of Scrap notes.pdf' }).click()
    await uploadRow('Scrap notes.pdf').waitFor({ state: 'detached' })
    await page.getByTestId('media-item').filter({ hasText: 'Scrap notes.pdf' }).waitFor({ state: 'detached' })

    // The page drops the row at once; the server's answer to the discard may still be on its way.
    await expect.poll(async () => data(await owner.get<UnfinishedUpload[]>('/api/media/uploads'))).toEqual([])
    const files = data(await owner.get<{ items: MediaItem[] }>('/api/media')).items
    expect(files.map(f => [f.name, f.status])).toEqual([['Palette handout.pdf', 'READY']])
  })
})
