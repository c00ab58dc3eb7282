// An instructor replaces the video of a lesson students watch: the outline row shows the new
// video's progress beside the current one, students keep playing the current one, and once the
// new one is processed it is in place everywhere. Cancelling leaves the lesson as it was.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Chapter } from '../../shared/types/outline'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { holdLaterChunks } from '../support/held-chunks'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'
import { sampleVideo } from '../support/video-fixtures'

/** A 5-second video under a name an instructor would give it (the lesson's current one lasts 3). */
function betterTake(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lectern-replace-')), 'Better take.mp4')
  copyFileSync(sampleVideo(5), file)
  return file
}

/** A real MP4 header then noise: it passes the first-bytes check, and processing fails on it. */
function brokenTake(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lectern-replace-')), 'Broken take.mp4')
  writeFileSync(file, Buffer.concat([readFileSync(sampleVideo(3)).subarray(0, 64), Buffer.alloc(20_000, 7)]))
  return file
}

const lessonRow = (page: Page, title: string) => page.locator('li.lesson').filter({ has: page.getByRole('button', { name: `${title}, rename lesson` }) })
const duration = (page: Page) => page.getByTestId('lesson-player').evaluate(v => (v as HTMLVideoElement).duration)

/** Small chunks, and every PATCH after an upload's first held until released: the upload stays under way. */
async function uploaderTab(owner: ApiClient) {
  const page = await newPage(owner)
  await page.addInitScript(() => localStorage.setItem('lectern:upload-chunk-bytes', '16384'))
  return { page, release: await holdLaterChunks(page) }
}

async function pickReplacement(page: Page, title: string, file = betterTake()) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: `Replace the video of ${title}` }).click()
  await (await chooser).setFiles(file)
}

async function watch(page: Page, course: PublishedCourse) {
  await visit(page, `/learn/${course.course.slug}?lesson=${course.lessons[0]!.id}`)
  await expect.poll(() => page.getByTestId('lesson-player').evaluate(v => (v as HTMLVideoElement).readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(1)
}

/** The page does not scroll sideways, and the new video's box stays inside its lesson's row. */
async function fits(page: Page, title: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  const row = lessonRow(page, title)
  const [outer, inner] = await Promise.all([row.boundingBox(), row.getByTestId('lesson-replacement').boundingBox()])
  expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width)
  expect(await row.getByTestId('lesson-replacement').evaluate(box => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0)
}

/** Screenshots of the row for a human to look at, when asked (LECTERN_E2E_SCREENSHOTS=<dir>). */
async function shoot(page: Page, title: string, name: string) {
  const dir = process.env.LECTERN_E2E_SCREENSHOTS
  if (dir) await lessonRow(page, title).screenshot({ path: join(dir, `${name}.png`) })
}

describe('replacing a lesson\'s video', () => {
  let owner: ApiClient
  let student: ApiClient
  let course: PublishedCourse
  let title: string
  beforeEach(async () => {
    owner = await signedUp()
    course = await publishedCourse(owner, { lessons: 1, seconds: 3 })
    title = course.lessons[0]!.title
    student = await signedUp({ role: 'STUDENT' })
    expect((await student.post(`/api/catalog/${course.course.slug}/enrol`)).status).toBe(200)
  }, 120_000)

  it('shows the new video\'s progress on the row while students keep watching the current one, then swaps it in', async () => {
    const { page, release } = await uploaderTab(owner)
    await visit(page, `/studio/courses/${course.course.id}`)
    const row = lessonRow(page, title)
    await row.filter({ hasText: '0:03' }).waitFor()
    await pickReplacement(page, title)

    const replacement = row.getByTestId('lesson-replacement')
    const bar = replacement.getByRole('progressbar')
    await bar.waitFor({ timeout: 10_000 })
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0)
    // The row says what students see meanwhile, and still shows the current video's duration and preview.
    await expect.poll(() => replacement.textContent()).toContain('Students see the current video until the new one is ready')
    await expect.poll(() => replacement.textContent()).toContain('Better take.mp4')
    await row.filter({ hasText: '0:03' }).waitFor()
    await row.getByRole('button', { name: `Preview ${title}` }).waitFor()
    // No second replacement while this one is under way.
    expect(await row.getByRole('button', { name: `Replace the video of ${title}` }).count()).toBe(0)

    // A student opening the lesson now plays the current (3-second) video.
    const watcher = await newPage(student)
    await watch(watcher, course)
    expect(await duration(watcher)).toBeCloseTo(3, 0)

    // The row on a phone and on a desktop: nothing runs off the side.
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 812 })
      await fits(page, title)
      await shoot(page, title, `replacement-uploading-${width}`)
    }
    await page.setViewportSize({ width: 1280, height: 812 })

    release()
    // Processed and swapped: the row shows the new duration, the replacement line is gone.
    await row.filter({ hasText: '0:05' }).waitFor({ timeout: 30_000 })
    await replacement.waitFor({ state: 'detached' })
    await shoot(page, title, 'replacement-swapped-1280')
    const [lesson] = data(await owner.get<Chapter[]>(`/api/courses/${course.course.id}/chapters`))[0]!.lessons
    expect(lesson).toMatchObject({ status: 'READY', durationSeconds: 5, replacement: null })

    // The student's next visit plays the new video.
    await watch(watcher, course)
    expect(await duration(watcher)).toBeCloseTo(5, 0)
  })

  it('cancelling the new video leaves the lesson and its video as they were', async () => {
    const { page } = await uploaderTab(owner)
    await visit(page, `/studio/courses/${course.course.id}`)
    const row = lessonRow(page, title)
    await row.filter({ hasText: '0:03' }).waitFor()
    await pickReplacement(page, title)
    const replacement = row.getByTestId('lesson-replacement')
    await replacement.getByRole('progressbar').waitFor({ timeout: 10_000 })
    // At once: the server may still be creating the upload (the upload client deletes it once created).
    await replacement.getByRole('button', { name: /^Cancel upload of/ }).click()

    await replacement.waitFor({ state: 'detached' })
    await row.filter({ hasText: '0:03' }).waitFor()
    await row.getByRole('button', { name: `Replace the video of ${title}` }).waitFor()
    await expect.poll(async () => data(await owner.get<Chapter[]>(`/api/courses/${course.course.id}/chapters`))[0]!.lessons[0], { timeout: 10_000 })
      .toMatchObject({ id: course.lessons[0]!.id, status: 'READY', durationSeconds: 3, replacement: null })
    const watcher = await newPage(student)
    await watch(watcher, course)
    expect(await duration(watcher)).toBeCloseTo(3, 0)
  })

  it('a new video that fails processing shows why beside the lesson, which plays on; Discard removes it', async () => {
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.course.id}`)
    const row = lessonRow(page, title)
    await row.filter({ hasText: '0:03' }).waitFor()
    await pickReplacement(page, title, brokenTake())
    const replacement = row.getByTestId('lesson-replacement')
    await replacement.and(page.locator('[data-status="FAILED"]')).waitFor({ timeout: 30_000 })
    await replacement.getByRole('button', { name: 'Retry' }).waitFor()
    await row.filter({ hasText: '0:03' }).waitFor()
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 812 })
      await fits(page, title)
      await shoot(page, title, `replacement-failed-${width}`)
    }
    const watcher = await newPage(student)
    await watch(watcher, course)
    expect(await duration(watcher)).toBeCloseTo(3, 0)

    await replacement.getByRole('button', { name: `Discard the new video of ${title}` }).click()
    await replacement.waitFor({ state: 'detached' })
    await row.getByRole('button', { name: `Replace the video of ${title}` }).waitFor()
    expect(data(await owner.get<Chapter[]>(`/api/courses/${course.course.id}/chapters`))[0]!.lessons[0]).toMatchObject({ status: 'READY', durationSeconds: 3, replacement: null })
  })
})
