import { Buffer } from 'node:buffer'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { LessonCaption } from '../../shared/types/caption'
import type { Course } from '../../shared/types/course'
import type { Chapter, Lesson } from '../../shared/types/outline'
import type { ApiClient } from '../support/api-client'
import { data, signedUp } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { captionBody } from '../support/caption-fixtures'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'

const ENGLISH = ['Welcome to watercolour.', 'Wet the paper first.', 'Load the brush with pigment.', 'Lay a flat wash from the top.', 'Let it dry before the next layer.']
const vttOf = (lines: string[]) => `WEBVTT\n\n${lines.map((text, i) => `00:00:${String(i * 3).padStart(2, '0')}.000 --> 00:00:${String(i * 3 + 3).padStart(2, '0')}.000\n${text}`).join('\n\n')}\n`

const currentTime = (page: Page) => page.getByTestId('lesson-player').evaluate((v: HTMLVideoElement) => v.currentTime)
const showingTrack = (page: Page) => page.getByTestId('lesson-player').evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).find(t => t.mode === 'showing')?.language ?? null)
const currentLine = (page: Page) => page.getByTestId('transcript').locator('[aria-current="true"]').textContent()
/** The languages of the `<track default>` elements in the server's HTML of the page. */
async function serverDefaultTracks(page: Page, path: string): Promise<string[]> {
  const html = await (await page.request.get(path)).text()
  return [...html.matchAll(/<track\b[^>]*>/g)]
    .filter(([tag]) => /\sdefault(?=[\s>=/])/.test(tag))
    .map(([tag]) => /srclang="([^"]+)"/.exec(tag)?.[1] ?? '?')
}

describe('captions in the browser', () => {
  let owner: ApiClient
  let course: PublishedCourse
  beforeAll(async () => {
    owner = await signedUp()
    course = await publishedCourse(owner, { lessons: 2, seconds: 20 })
  })

  it('lets the instructor add captions in the editor: a bad file shows the line that is wrong, a good one is listed as the default', async () => {
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.course.id}`)
    const lesson = course.lessons[1]!
    await page.getByRole('button', { name: `CC: captions of lesson “${lesson.title}”` }).click()
    const panel = page.getByRole('region', { name: `Captions of “${lesson.title}”` })
    await panel.getByText('No captions yet').waitFor()

    await panel.getByLabel('Caption file').setInputFiles({ name: 'broken.srt', mimeType: 'application/x-subrip', buffer: Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:04,000 -> 00:00:05,500\nbroken\n') })
    await panel.getByLabel('Language').fill('fr')
    // The label is offered from the language.
    await expect.poll(() => panel.getByLabel('Label').inputValue()).toBe('French')
    await panel.getByRole('button', { name: 'Add captions' }).click()
    await expect.poll(() => panel.getByTestId('caption-file-error').textContent()).toMatch(/^\s*Line 6: expected a cue timing/)
    expect(await owner.get<LessonCaption[]>(`/api/lessons/${lesson.id}/captions`).then(r => data(r))).toEqual([])

    await panel.getByLabel('Caption file').setInputFiles({ name: 'fr.vtt', mimeType: 'text/vtt', buffer: Buffer.from(vttOf(['Bonjour.', 'Mouillez le papier.'])) })
    await panel.getByLabel('Label').fill('Français')
    await panel.getByRole('button', { name: 'Add captions' }).click()
    const row = panel.locator('[data-caption-language="fr"]')
    await row.getByText('Default').waitFor()
    expect(await row.textContent()).toContain('2 cues')
    expect(await panel.getByTestId('caption-file-error').count()).toBe(0)
    expect(await panel.getByLabel('Language').inputValue()).toBe('')
  })

  it('gives the student captions, a transcript that follows the video and seeks on click, search, and a choice that survives a reload', async () => {
    const lesson = course.lessons[0]!
    data(await owner.post(`/api/lessons/${lesson.id}/captions`, captionBody({ text: vttOf(ENGLISH) })))
    data(await owner.post(`/api/lessons/${lesson.id}/captions`, captionBody({ language: 'es', label: 'Español', text: vttOf(['Bienvenidos a la acuarela.', 'Moja el papel primero.']) })))
    const student = await signedUp({ role: 'STUDENT' })
    data(await student.post(`/api/catalog/${course.course.slug}/enrol`))
    const page = await newPage(student)
    await visit(page, `/learn/${course.course.slug}?lesson=${lesson.id}`)

    // The lesson's default shows at first, in the menu, on the video and in the transcript.
    const menu = page.getByLabel('Captions', { exact: true })
    expect(await menu.inputValue()).toBe('en')
    await expect.poll(() => showingTrack(page)).toBe('en')
    const transcript = page.getByTestId('transcript')
    await transcript.getByRole('button', { name: /Wet the paper first/ }).waitFor()
    expect(await transcript.getByRole('listitem').count()).toBe(ENGLISH.length)

    // Click a line: the video goes there and the line is the current one.
    await transcript.getByRole('button', { name: /Lay a flat wash/ }).click()
    await expect.poll(() => currentTime(page)).toBeCloseTo(9, 0)
    await expect.poll(() => currentLine(page)).toContain('Lay a flat wash')
    // As the video moves on, the highlight follows it.
    await page.getByTestId('lesson-player').evaluate((v: HTMLVideoElement) => {
      v.currentTime = 13
    })
    await expect.poll(() => currentLine(page)).toContain('Let it dry')

    // Search narrows the lines and marks the words.
    await page.getByLabel('Search the transcript').fill('the PAPER')
    await expect.poll(() => transcript.getByRole('listitem').count()).toBe(1)
    expect(await transcript.locator('mark').allTextContents()).toEqual(['the', 'paper'])
    await page.getByLabel('Search the transcript').fill('')
    await expect.poll(() => transcript.getByRole('listitem').count()).toBe(ENGLISH.length)

    // Another language: the track, the transcript, and after a reload still the same.
    await menu.selectOption('es')
    await expect.poll(() => showingTrack(page)).toBe('es')
    await transcript.getByRole('button', { name: /Moja el papel/ }).waitFor()
    await visit(page, `/learn/${course.course.slug}?lesson=${lesson.id}`)
    expect(await page.getByLabel('Captions', { exact: true }).inputValue()).toBe('es')
    await expect.poll(() => showingTrack(page)).toBe('es')
    await page.getByTestId('transcript').getByRole('button', { name: /Moja el papel/ }).waitFor()

    // Off: no track shows, the transcript stays (in the default language), and so after a reload.
    await page.getByLabel('Captions', { exact: true }).selectOption('off')
    await expect.poll(() => showingTrack(page)).toBeNull()
    await visit(page, `/learn/${course.course.slug}?lesson=${lesson.id}`)
    expect(await page.getByLabel('Captions', { exact: true }).inputValue()).toBe('off')
    await expect.poll(() => showingTrack(page)).toBeNull()
    await page.getByTestId('transcript').getByRole('button', { name: /Wet the paper first/ }).waitFor()
  })

  it('turns captions off and on with C through the menu\'s own choice: the menu, the track, the transcript and the next load agree', async () => {
    const { course: own, lessons: [lesson] } = await publishedCourse(owner, { lessons: 1, seconds: 10 })
    data(await owner.post(`/api/lessons/${lesson!.id}/captions`, captionBody({ text: vttOf(ENGLISH) })))
    data(await owner.post(`/api/lessons/${lesson!.id}/captions`, captionBody({ language: 'es', label: 'Español', text: vttOf(['Bienvenidos a la acuarela.', 'Moja el papel primero.']) })))
    const student = await signedUp({ role: 'STUDENT' })
    data(await student.post(`/api/catalog/${own.slug}/enrol`))
    const page = await newPage(student)
    const path = `/learn/${own.slug}?lesson=${lesson!.id}`
    const menu = page.getByLabel('Captions', { exact: true })
    const status = page.getByTestId('player-toolbar').getByRole('status')
    const pressC = async () => {
      await page.getByTestId('lesson-player').focus()
      await page.keyboard.press('c')
    }
    await visit(page, path)
    await menu.selectOption('es')
    await expect.poll(() => showingTrack(page)).toBe('es')

    // C off: the menu says Off at once, and the server renders no track on.
    await pressC()
    await expect.poll(() => showingTrack(page)).toBeNull()
    await expect.poll(() => menu.inputValue()).toBe('off')
    expect(await status.innerText()).toBe('Captions off')
    expect(await serverDefaultTracks(page, path)).toEqual([])
    await visit(page, path)
    expect(await menu.inputValue()).toBe('off')
    await expect.poll(() => showingTrack(page)).toBeNull()

    // C on, after a reload too: the student's Spanish comes back (not the lesson's default),
    // in the menu, on the video, in the transcript and in the server's HTML.
    await pressC()
    await expect.poll(() => showingTrack(page)).toBe('es')
    await expect.poll(() => menu.inputValue()).toBe('es')
    await expect.poll(() => status.innerText()).toBe('Captions on: Español')
    await page.getByTestId('transcript').getByRole('button', { name: /Moja el papel/ }).waitFor()
    expect(await serverDefaultTracks(page, path)).toEqual(['es'])
  })

  it('marks captioned lessons on the course page, for visitors without JavaScript too', async () => {
    const made = data(await owner.post<Course>('/api/courses', { title: 'Captioned outline', category: 'Design' }))
    const chapter = data(await owner.post<Chapter>(`/api/courses/${made.id}/chapters`, { title: 'Part' }))
    const captioned = data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title: 'With captions' }))
    data(await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Without' }))
    data(await owner.post(`/api/lessons/${captioned.id}/captions`, captionBody()))
    data(await owner.post(`/api/lessons/${captioned.id}/captions`, captionBody({ language: 'es', label: 'Español' })))
    data(await owner.post(`/api/courses/${made.id}/publish`, {}))
    const page = await newPage(undefined, { javaScriptEnabled: false })
    await page.goto(`/courses/${made.slug}`)
    const badge = page.getByRole('img', { name: 'Captions in English and Spanish' })
    await badge.waitFor()
    expect(await page.getByTestId('lesson-captions-badge').count()).toBe(1)
    expect(await page.locator('li.lesson', { has: badge }).textContent()).toContain('With captions')
  })
})
