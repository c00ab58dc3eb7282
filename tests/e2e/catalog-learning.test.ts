import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { buildUser } from '../../prisma/seed/factories'
import { signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { liveTab } from '../support/live-tab'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'

const videoState = (page: Page) => page.getByTestId('lesson-player').evaluate((v: HTMLVideoElement) => ({ time: v.currentTime, ready: v.readyState }))

describe('the student portal in the browser', () => {
  const token = `Pz${randomBytes(3).toString('hex')}`
  let owner: ApiClient
  let course: PublishedCourse
  beforeAll(async () => {
    owner = await signedUp()
    course = await publishedCourse(owner, { lessons: 2, seconds: 20, title: `Watercolour ${token} basics` })
  })

  it('renders the catalog on the server: the HTML holds the courses, with JavaScript off', async () => {
    const page = await newPage(undefined, { javaScriptEnabled: false })
    await page.goto(`/courses?q=${token}`)
    await expect.poll(() => page.getByRole('link', { name: course.course.title }).count()).toBe(1)
    expect(await page.title()).toContain(token)
    // The search form is a plain GET form: it works without JavaScript too.
    await page.getByRole('searchbox', { name: 'Search courses' }).fill(`no-such-${token}`)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByText('No courses match').waitFor()
  })

  it('shows a missing course as not found, rendered on the server and hydrated without mismatch', async () => {
    // Signed in: an anonymous visitor's public page is sent without the app (nothing hydrates).
    const page = await newPage(await signedUp({ role: 'STUDENT' }))
    const response = await page.goto('/courses/no-such-course-anywhere')
    expect(response?.status()).toBe(404)
    await page.waitForSelector('html[data-hydrated="true"]')
    await page.getByRole('heading', { name: 'Course not found' }).waitFor()
  })

  it('hydrates a signed-in visitor\'s catalog from the dehydrated cache: no second catalog fetch on load', async () => {
    const page = await newPage(await signedUp({ role: 'STUDENT' }))
    const catalogCalls: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/catalog')) catalogCalls.push(request.url())
    })
    await visit(page, `/courses?q=${token}`)
    await page.getByRole('link', { name: course.course.title }).waitFor()
    expect(catalogCalls).toEqual([])
  })

  it('lets a visitor search, open a course and play its free preview, with no JavaScript sent', async () => {
    const page = await newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    await visit(page, '/courses')
    // Searched with the line down: the page says so and searches by itself once it is back.
    await page.context().setOffline(true)
    await page.getByRole('searchbox', { name: 'Search courses' }).fill(token)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('status').filter({ hasText: 'The catalog is searched as soon as the connection is back' }).waitFor()
    await page.context().setOffline(false)
    await page.waitForURL(url => new URL(url).searchParams.get('q') === token)
    await page.getByRole('link', { name: course.course.title }).click()
    await page.getByRole('heading', { level: 1, name: course.course.title }).waitFor()
    expect(await page.locator('html').getAttribute('data-static')).toBe('true')
    // Only the preview can be played by a visitor: a link to the video, for the browser's player.
    expect(await page.getByRole('link', { name: /^Play / }).count()).toBe(1)
    const stream = page.waitForResponse(r => r.url().includes(`/api/lessons/${course.lessons[0]!.id}/stream`) && r.ok())
    await page.getByRole('link', { name: `Play ${course.lessons[0]!.title}` }).click()
    expect((await stream).headers()['content-type']).toMatch(/^video\//)
    expect(scripts).toEqual([])
  })

  it('plays the free preview in a dialog for a signed-in student, closed with Escape', async () => {
    const page = await newPage(await signedUp({ role: 'STUDENT' }))
    await visit(page, `/courses/${course.course.slug}`)
    expect(await page.getByRole('button', { name: /^Play / }).count()).toBe(1)
    const stream = page.waitForResponse(r => r.url().includes(`/api/lessons/${course.lessons[0]!.id}/stream`) && r.status() === 206)
    await page.getByRole('button', { name: `Play ${course.lessons[0]!.title}` }).click()
    await page.getByTestId('preview-player').waitFor()
    await stream
    await expect.poll(() => page.getByTestId('preview-player').evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 5000 }).toBeGreaterThanOrEqual(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('preview-player').count()).toBe(0)
  })

  it('signs up a student who enrols, watches, resumes at the saved second after a reload, and completes a lesson', async () => {
    const student = buildUser({ role: 'STUDENT' })
    const page = await newPage()
    await visit(page, `/courses/${course.course.slug}`)
    await page.getByRole('link', { name: 'Sign up to enrol' }).click()
    // A page load from the visitor's page (sent without JavaScript) to the app's sign-up form.
    await page.waitForSelector('html[data-hydrated="true"]')
    await page.getByLabel('Name').fill(student.name)
    await page.getByLabel('Email').fill(student.email)
    await page.getByLabel('Password').fill(student.password)
    await page.getByRole('button', { name: 'Create account' }).click()
    // Back on the course page it came from, signed in.
    await page.waitForURL(url => new URL(url).pathname === `/courses/${course.course.slug}`)
    await page.getByRole('button', { name: 'Enrol for free' }).click()
    await page.getByRole('link', { name: 'Go to the course' }).click()
    await page.waitForURL(url => new URL(url).pathname === `/learn/${course.course.slug}`)

    // Watch the first lesson to 8 s and pause: the position is saved.
    await expect.poll(async () => (await videoState(page)).ready, { timeout: 10_000 }).toBeGreaterThanOrEqual(1)
    const saved = page.waitForResponse(r => r.url().includes(`/api/learn/lessons/${course.lessons[0]!.id}/progress`) && r.request().method() === 'POST')
    await page.getByTestId('lesson-player').evaluate(async (v: HTMLVideoElement) => {
      v.muted = true
      await v.play()
      v.currentTime = 8
      v.pause()
    })
    expect((await saved).status()).toBe(200)

    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    await expect.poll(async () => Math.round((await videoState(page)).time), { timeout: 10_000 }).toBe(8)

    // The instructor watches the students page (socket only, no refetching).
    const instructor = await liveTab(owner, course.course.id)
    await visit(instructor.page, `/studio/courses/${course.course.id}/students`)
    const row = instructor.page.getByRole('row', { name: new RegExp(student.name) })
    await row.waitFor()
    await instructor.subscribedToCourse()
    instructor.listRequests.length = 0

    // Complete the lesson by hand: the tick and the course's percent follow.
    await page.getByRole('button', { name: 'Mark as complete' }).click()
    await page.getByRole('button', { name: '✓ Completed' }).waitFor()
    await expect.poll(() => page.getByTestId('course-progress').innerText()).toContain('50% complete')
    await expect.poll(() => page.getByRole('navigation', { name: 'Lessons' }).getByRole('img', { name: 'Completed', exact: true }).count()).toBe(1)
    // …and the instructor's list shows it without a reload.
    await expect.poll(() => row.getByRole('progressbar').getAttribute('aria-valuenow'), { timeout: 5000 }).toBe('50')
    expect(instructor.listRequests).toEqual([])

    // "My learning" continues at the exact lesson and second.
    await visit(page, '/learn')
    const item = page.getByTestId('learning-item').filter({ hasText: course.course.title })
    await expect.poll(() => item.innerText()).toContain('50%')
    const href = await item.getByRole('link', { name: /Continue/ }).getAttribute('href')
    expect(href).toBe(`/learn/${course.course.slug}?lesson=${course.lessons[0]!.id}&t=8`)
  })
})
