import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page, WebSocketRoute } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { holdLaterChunks } from '../support/held-chunks'
import { sampleVideo } from '../support/video-fixtures'

/** Two real videos with lesson-like names. */
function twoVideos(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-upload-'))
  return ['Welcome and overview.mp4', 'First steps.mp4'].map((name) => {
    copyFileSync(sampleVideo(), join(dir, name))
    return join(dir, name)
  })
}

async function courseWithChapter(owner: ApiClient) {
  const course = data(await owner.post<Course>('/api/courses', { title: 'Video Course', category: 'Design' }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'Week one' }))
  return { course, chapter }
}

const lessonMedia = (page: Page, title: string) => page.locator('li.lesson').filter({ has: page.getByRole('button', { name: `${title}, rename lesson` }) }).locator('.media')

/** Small chunks, so a 60 kB file takes several PATCHes whose progress can be watched. */
async function uploaderTab(owner: ApiClient) {
  const page = await newPage(owner)
  await page.addInitScript(() => localStorage.setItem('lectern:upload-chunk-bytes', '16384'))
  return page
}

async function pickVideos(page: Page, chapterTitle: string, files: string[]) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: `Upload videos into ${chapterTitle}` }).click()
  await (await chooser).setFiles(files)
}

describe('uploading lesson videos', () => {
  it('uploads two files at once, with server progress in a second tab, to ready with a duration', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const uploader = await uploaderTab(owner)
    await visit(uploader, `/studio/courses/${course.id}`)
    const watcher = await newPage(owner)
    await watcher.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    await visit(watcher, `/studio/courses/${course.id}`)

    const release = await holdLaterChunks(uploader)
    await pickVideos(uploader, 'Week one', twoVideos())

    // The second tab draws both bars from the server's byte counts, over the socket.
    for (const title of ['Welcome and overview', 'First steps']) {
      const bar = lessonMedia(watcher, title).getByRole('progressbar')
      await bar.waitFor({ timeout: 10_000 })
      await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0)
    }
    await lessonMedia(uploader, 'First steps').getByRole('button', { name: 'Pause' }).waitFor()
    release()

    for (const page of [uploader, watcher]) {
      for (const title of ['Welcome and overview', 'First steps']) {
        await lessonMedia(page, title).filter({ hasText: '0:03' }).waitFor({ timeout: 30_000 })
      }
    }
    const lessons = data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`))[0]!.lessons
    expect(lessons.map(l => [l.title, l.status, l.durationSeconds])).toEqual([['Welcome and overview', 'READY', 3], ['First steps', 'READY', 3]])

    await lessonMedia(watcher, 'First steps').getByRole('button', { name: 'Preview First steps' }).click()
    const player = watcher.getByTestId('lesson-player')
    await expect.poll(() => player.evaluate(v => (v as HTMLVideoElement).duration), { timeout: 10_000 }).toBeCloseTo(3, 0)
  })

  it('keeps bars moving on the uploader\'s own progress with the socket down, and ends right after reconnect', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const page = await uploaderTab(owner)
    await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    const link = { blocked: false, current: undefined as WebSocketRoute | undefined }
    await page.routeWebSocket(/\/_ws$/, (ws) => {
      if (link.blocked) return ws.close({ code: 1006, reason: 'network down' })
      link.current = ws
      ws.connectToServer()
    })
    await visit(page, `/studio/courses/${course.id}`)
    link.blocked = true
    await link.current!.close({ code: 1006, reason: 'network down' })
    await page.getByTestId('live-status').waitFor()

    const release = await holdLaterChunks(page)
    await pickVideos(page, 'Week one', twoVideos().slice(0, 1))
    const bar = lessonMedia(page, 'Welcome and overview').getByRole('progressbar')
    await bar.waitFor({ timeout: 10_000 })
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0)
    release()
    await expect.poll(async () => data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`))[0]!.lessons[0]?.status, { timeout: 30_000 }).toBe('READY')

    // Back online, the socket's resync refetches the outline (fallback polling is off): the row
    // ends ready. Whatever the uploader's own refetch caught while the socket was down, the outline
    // must be asked for again after the reconnect, or a missed READY would stay missed.
    const outlineAfterReconnect: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/courses/${course.id}/chapters`) outlineAfterReconnect.push(request.url())
    })
    link.blocked = false
    await page.getByTestId('live-status').waitFor({ state: 'detached', timeout: 20_000 })
    await expect.poll(() => outlineAfterReconnect.length, { timeout: 5000 }).toBeGreaterThan(0)
    await lessonMedia(page, 'Welcome and overview').filter({ hasText: '0:03' }).waitFor()
  })

  it('refuses a file that is not a video before sending anything', async () => {
    const owner = await signedUp()
    const { course } = await courseWithChapter(owner)
    const page = await uploaderTab(owner)
    await visit(page, `/studio/courses/${course.id}`)
    const requests: string[] = []
    page.on('request', r => r.url().includes('/api/uploads') && requests.push(r.method()))
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Upload videos into Week one' }).click()
    await (await chooser).setFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') })
    await page.locator('[data-sonner-toast]').filter({ hasText: '“notes.pdf” is not a video file' }).waitFor()
    expect(requests).toEqual([])
  })
})
