// Adaptive streaming in Chromium, against the HLS tests' own server (LECTERN_HLS on): the watch
// page and the free preview play through hls.js (Chromium has Media Source Extensions), start on
// the lowest rendition and switch up; resume and progress saving work as with the original file;
// a lesson without a ladder plays the original file; the studio shows the ladder being made.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { liveTab } from '../support/live-tab'
import { createUpload, sendAll } from '../support/tus-client'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'
import { NEEDS_SHARED_DATABASE, databaseUrl, testDb } from '../support/database'
import { laddersReady, useHlsServer } from '../support/hls-server'
import { fileBytes, sampleVideoWithSound } from '../support/video-fixtures'

const describeWithPostgres = databaseUrl ? describe : describe.skip

const player = (page: Page, testId = 'lesson-player') => page.getByTestId(testId)
const streaming = (page: Page, testId?: string) => player(page, testId).evaluate((v: HTMLVideoElement) => ({ mode: v.dataset.streaming, level: v.dataset.level, time: v.currentTime, ready: v.readyState }))

/** The stream addresses the page asked for, by kind. */
function recordStreams(page: Page) {
  const seen = { masters: [] as string[], segments: [] as string[], originals: [] as string[] }
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.endsWith('/hls')) seen.masters.push(pathname)
    else if (pathname.startsWith('/api/hls/') && pathname.endsWith('.ts')) seen.segments.push(pathname.replace(/^.*\.hls\.(\d+)\..*$/, '$1'))
    else if (pathname.endsWith('/stream')) seen.originals.push(pathname)
  })
  return seen
}

describeWithPostgres(`adaptive streaming in the browser${databaseUrl ? '' : ` [skipped: ${NEEDS_SHARED_DATABASE}]`}`, () => {
  const server = useHlsServer()
  let owner: ApiClient
  let student: ApiClient
  let course: PublishedCourse
  beforeAll(async () => {
    owner = await signedUp()
    student = await signedUp({ role: 'STUDENT' })
    course = await publishedCourse(owner, { lessons: 2, video: sampleVideoWithSound(16, '960x540') })
    expect((await student.post(`/api/catalog/${course.course.slug}/enrol`)).status).toBeLessThan(300)
    await laddersReady(course.lessons.map(l => l.id), 4)
  }, 300_000)

  it('plays a lesson through hls.js from the lowest rendition, switches up, and resumes at the saved second', async () => {
    const page = await newPage(student, { baseURL: server().url })
    const seen = recordStreams(page)
    const lesson = course.lessons[1]!
    await visit(page, `/learn/${course.course.slug}?lesson=${lesson.id}`)
    await expect.poll(async () => (await streaming(page)).mode).toBe('hls')
    await expect.poll(async () => (await streaming(page)).ready).toBeGreaterThanOrEqual(1)
    expect(seen.masters).toEqual([`/api/lessons/${lesson.id}/hls`])
    expect(seen.originals).toEqual([])
    await player(page).evaluate(async (v: HTMLVideoElement) => {
      v.muted = true
      await v.play()
    })
    // Lowest first (the master lists it first), then up once hls.js has measured this fast link.
    await expect.poll(() => seen.segments[0]).toBe('360')
    await expect.poll(() => seen.segments.includes('540'), { timeout: 15_000 }).toBe(true)
    await expect.poll(async () => (await streaming(page)).level, { timeout: 15_000 }).toBe('540')

    const saved = page.waitForResponse(r => r.url().includes(`/api/learn/lessons/${lesson.id}/progress`) && r.request().method() === 'POST')
    await player(page).evaluate((v: HTMLVideoElement) => {
      v.currentTime = 9
      v.pause()
    })
    expect((await saved).status()).toBe(200)
    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    await expect.poll(async () => Math.round((await streaming(page)).time), { timeout: 10_000 }).toBe(9)
    expect((await streaming(page)).mode).toBe('hls')
  })

  it('plays the free preview through hls.js for a signed-in visitor who is not enrolled', async () => {
    const page = await newPage(await signedUp({ role: 'STUDENT' }), { baseURL: server().url })
    const seen = recordStreams(page)
    await visit(page, `/courses/${course.course.slug}`)
    await page.getByRole('button', { name: `Play ${course.lessons[0]!.title}` }).click()
    await expect.poll(async () => (await streaming(page, 'preview-player')).mode).toBe('hls')
    await expect.poll(() => seen.segments.length).toBeGreaterThan(0)
    expect(seen.originals).toEqual([])
  })

  it('plays the original file when a lesson has no ladder', async () => {
    const lesson = course.lessons[0]!
    await testDb().mediaRendition.deleteMany({ where: { mediaFile: { videos: { some: { id: lesson.id } } } } })
    const page = await newPage(student, { baseURL: server().url })
    const seen = recordStreams(page)
    const original = page.waitForResponse(r => r.url().includes(`/api/lessons/${lesson.id}/stream`) && r.status() === 206)
    await visit(page, `/learn/${course.course.slug}?lesson=${lesson.id}`)
    await original
    await expect.poll(async () => (await streaming(page)).mode).toBe('original')
    await expect.poll(async () => (await streaming(page)).ready).toBeGreaterThanOrEqual(1)
    expect(seen.masters).toEqual([])
  })

  it('shows the instructor "Preparing streams N %" live while a new lesson video\'s ladder is made, until it is done', async () => {
    const tab = await liveTab(owner, course.course.id, { baseURL: server().url })
    await visit(tab.page, `/studio/courses/${course.course.id}`)
    await tab.subscribedToCourse()
    const bytes = fileBytes(sampleVideoWithSound(9, '960x540'))
    const { url } = await createUpload(owner, { size: bytes.length, metadata: { filename: 'Extra.mp4', filetype: 'video/mp4', target: 'lesson', chapterId: course.lessons[0]!.chapterId } })
    await sendAll(owner, url!, bytes, 1024 * 1024)
    const shown = tab.page.getByTestId('transcode-progress')
    await expect.poll(() => shown.count(), { timeout: 30_000 }).toBe(1)
    expect(await shown.innerText()).toMatch(/^Preparing streams \d{1,2} %$/)
    await expect.poll(() => shown.count(), { timeout: 60_000 }).toBe(0)
    // Over the socket: rising percentages, ending at 100 once the last rendition is stored.
    const percents = tab.events.filter(e => e.type === 'transcode-progress').map(e => e.percent as number)
    expect(percents[0]).toBe(0)
    expect(percents.at(-1)).toBe(100)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
  })
})
