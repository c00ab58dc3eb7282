import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'

const player = (page: Page) => page.getByTestId('lesson-player')
const video = <T>(page: Page, read: (v: HTMLVideoElement) => T) => player(page).evaluate(read)
const status = (page: Page) => page.getByTestId('player-toolbar').getByRole('status')

/** The watch page of one lesson, hydrated, with the video's metadata loaded. */
async function watch(page: Page, slug: string, lessonId: string) {
  await visit(page, `/learn/${slug}?lesson=${lessonId}`)
  await expect.poll(() => video(page, v => v.readyState)).toBeGreaterThanOrEqual(1)
}

describe('the watch page\'s player', () => {
  let course: PublishedCourse
  let student: ApiClient
  // Each page is a new browser context: the remembered speed starts at 1× in every test.
  beforeAll(async () => {
    course = await publishedCourse(await signedUp(), { lessons: 2, seconds: 20 })
    student = await signedUp({ role: 'STUDENT' })
    expect((await student.post(`/api/catalog/${course.course.slug}/enrol`)).status).toBe(200)
  })

  it('applies the chosen speed to the video and keeps it after a reload and on the next lesson', async () => {
    const page = await newPage(student)
    const [first, second] = course.lessons
    await watch(page, course.course.slug, first!.id)
    expect(await video(page, v => v.playbackRate)).toBe(1)

    await page.getByLabel('Speed').selectOption('1.5')
    await expect.poll(() => video(page, v => v.playbackRate)).toBe(1.5)
    await expect.poll(() => status(page).innerText()).toBe('Speed 1.5×')

    // The server renders the remembered speed (a cookie): no flash of 1× before hydration.
    const html = await (await page.request.get(`/learn/${course.course.slug}?lesson=${first!.id}`)).text()
    expect(html).toMatch(/<option value="1\.5"[^>]* selected>/)
    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    expect(await page.getByLabel('Speed').inputValue()).toBe('1.5')
    await expect.poll(() => video(page, v => v.playbackRate)).toBe(1.5)

    await page.getByRole('link', { name: `Next lesson: ${second!.title}` }).click()
    await page.waitForURL(url => new URL(url).searchParams.get('lesson') === second!.id)
    await expect.poll(() => video(page, v => v.currentSrc)).toContain(second!.id)
    await expect.poll(() => video(page, v => v.readyState)).toBeGreaterThanOrEqual(1)
    expect(await video(page, v => v.playbackRate)).toBe(1.5)
  })

  it('answers its keyboard shortcuts while it has focus, and not while the student types', async () => {
    const page = await newPage(student)
    await watch(page, course.course.slug, course.lessons[0]!.id)
    await video(page, (v) => {
      v.muted = true
      v.currentTime = 8
    })
    await expect.poll(() => video(page, v => v.seeking)).toBe(false)
    await player(page).focus()

    await page.keyboard.press('Space')
    await expect.poll(() => video(page, v => v.paused)).toBe(false)
    await page.keyboard.press('k')
    await expect.poll(() => video(page, v => v.paused)).toBe(true)
    await expect.poll(() => status(page).innerText()).toBe('Paused')

    const before = await video(page, v => v.currentTime)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => video(page, v => v.currentTime)).toBeCloseTo(before + 5, 1)
    await page.keyboard.press('j')
    await expect.poll(() => video(page, v => v.currentTime)).toBeCloseTo(before - 5, 1)

    await page.keyboard.press('>')
    await expect.poll(() => video(page, v => v.playbackRate)).toBe(1.25)
    await expect.poll(() => status(page).innerText()).toBe('Speed 1.25×')
    await page.keyboard.press('<')
    await page.keyboard.press('<')
    await expect.poll(() => video(page, v => v.playbackRate)).toBe(0.75)
    expect(await page.getByLabel('Speed').inputValue()).toBe('0.75')

    await page.keyboard.press('m')
    await expect.poll(() => video(page, v => v.muted)).toBe(false)
    await expect.poll(() => status(page).innerText()).toBe('Sound on')

    // C shows the default captions track and hides it again (the cues still load while hidden).
    await page.keyboard.press('c')
    await expect.poll(() => status(page).innerText()).toBe('This lesson has no captions')
    await video(page, v => void v.addTextTrack('captions', 'English', 'en'))
    await page.keyboard.press('c')
    await expect.poll(() => video(page, v => v.textTracks[0]!.mode)).toBe('showing')
    await expect.poll(() => status(page).innerText()).toBe('Captions on: English')
    await page.keyboard.press('c')
    await expect.poll(() => video(page, v => v.textTracks[0]!.mode)).toBe('hidden')

    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.waitFor()
    expect(await help.innerText()).toContain('Back or forward 5 seconds')
    await page.keyboard.press('k') // the dialog has focus: the video behind it stays paused
    expect(await video(page, v => v.paused)).toBe(true)
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'hidden' })

    // A field inside the player (a transcript's search, say) keeps every key it is typed.
    await page.getByRole('group', { name: 'Player' }).evaluate((area) => {
      const field = document.createElement('input')
      field.setAttribute('aria-label', 'Search the transcript')
      area.append(field)
    })
    const field = page.getByLabel('Search the transcript')
    const at = await video(page, v => v.currentTime)
    await field.focus()
    await page.keyboard.type('k l? >')
    expect(await field.inputValue()).toBe('k l? >')
    expect(await video(page, v => ({ paused: v.paused, time: v.currentTime, rate: v.playbackRate }))).toEqual({ paused: true, time: at, rate: 0.75 })
    expect(await help.isVisible()).toBe(false)
  })

  it('opens the shortcuts help from its button too', async () => {
    const page = await newPage(student)
    await watch(page, course.course.slug, course.lessons[0]!.id)
    await page.getByRole('button', { name: 'Shortcuts' }).click()
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
  })

  it('shows chapter › lesson and goes to a lesson from the Chapters menu', async () => {
    const page = await newPage(student)
    const [first, second] = course.lessons
    await watch(page, course.course.slug, first!.id)
    expect(await page.getByTestId('player-where').innerText()).toBe(`Getting started › ${first!.title}`)
    expect(await page.getByRole('link', { name: /^Previous lesson/ }).count()).toBe(0)
    // Every lesson is this page with another ?lesson=: only the one playing is marked current.
    expect(await page.getByRole('link', { name: `Next lesson: ${second!.title}` }).getAttribute('aria-current')).toBe('false')

    await page.getByRole('button', { name: 'Chapters' }).click()
    const menu = page.getByRole('navigation', { name: 'Chapters' })
    await menu.waitFor()
    expect(await menu.getByRole('link', { name: first!.title }).getAttribute('aria-current')).toBe('true')
    expect(await menu.getByRole('img', { name: 'Not completed' }).count()).toBe(2)
    await menu.getByRole('link', { name: second!.title }).click()

    await page.waitForURL(url => new URL(url).searchParams.get('lesson') === second!.id)
    await menu.waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByTestId('player-where').innerText()).toBe(`Getting started › ${second!.title}`)
    await expect.poll(() => video(page, v => v.currentSrc)).toContain(second!.id)
    await page.getByRole('link', { name: `Previous lesson: ${first!.title}` }).waitFor()
    expect(await page.getByRole('link', { name: /^Next lesson/ }).count()).toBe(0)
  })

  it('offers picture-in-picture exactly where the browser has it', async () => {
    const page = await newPage(student)
    await watch(page, course.course.slug, course.lessons[0]!.id)
    const enabled = await page.evaluate(() => document.pictureInPictureEnabled === true)
    await expect.poll(() => page.getByRole('button', { name: 'Picture in picture' }).count()).toBe(enabled ? 1 : 0)
  })

  it('fits a phone: plays in the page, the toolbar wraps and the page does not scroll sideways', async () => {
    const page = await newPage(student, { viewport: { width: 375, height: 812 } })
    await watch(page, course.course.slug, course.lessons[0]!.id)
    // Safari on an iPhone plays a video without it full screen, hiding the transcript and toolbar.
    expect(await page.getByTestId('lesson-player').evaluate(video => (video as HTMLVideoElement).playsInline)).toBe(true)
    await page.getByRole('button', { name: 'Chapters' }).click()
    await page.getByRole('navigation', { name: 'Chapters' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    const toolbar = await page.getByTestId('player-toolbar').boundingBox()
    expect(toolbar!.x + toolbar!.width).toBeLessThanOrEqual(375)
  })
})
