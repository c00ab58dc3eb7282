// The catalog's filters in Chromium: the level filter's "no filter" option is "Any level" (so
// "All levels", a level a course can have, appears once), a category typed in another letter
// case filters and shows in its select, and a page past the end says so with a way back.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'

async function listedCourse(owner: ApiClient, title: string, category: string, level: string): Promise<Course> {
  const course = data(await owner.post<Course>('/api/courses', { title, category }))
  data(await owner.patch(`/api/courses/${course.id}`, { level }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
  data(await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' }))
  data(await owner.post(`/api/courses/${course.id}/publish`, {}))
  return course
}

describe('the catalog\'s filters in the browser', () => {
  const token = `cf${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    const owner = await signedUp()
    await listedCourse(owner, `Inking ${token}`, 'Design', 'ALL_LEVELS')
    await listedCourse(owner, `Invoices ${token}`, 'Business', 'BEGINNER')
  })

  it('offers "Any level" as no filter and "All levels" as a level, and filters by it as soon as it is picked', async () => {
    const page = await newPage(await signedUp({ role: 'STUDENT' }))
    await visit(page, `/courses?q=${token}`)
    const level = page.getByRole('combobox', { name: 'Level' })
    const options = await level.locator('option').allTextContents()
    expect(options.map(o => o.trim())).toEqual(['Any level', 'All levels', 'Beginner', 'Intermediate', 'Advanced'])
    await level.selectOption('ALL_LEVELS')
    await page.waitForURL(url => new URL(url).searchParams.get('level') === 'ALL_LEVELS')
    await expect.poll(() => page.getByTestId('catalog-results').getByRole('link').allTextContents()).toEqual([expect.stringContaining(`Inking ${token}`)])
  })

  it('filters a visitor\'s catalog, sent without JavaScript, through the Search button, and shows the filter picked', async () => {
    const page = await newPage()
    await visit(page, `/courses?q=${token}`)
    await page.getByRole('combobox', { name: 'Level' }).selectOption('ALL_LEVELS')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(url => new URL(url).searchParams.get('level') === 'ALL_LEVELS')
    expect(await page.getByTestId('catalog-results').getByRole('link').allTextContents()).toEqual([expect.stringContaining(`Inking ${token}`)])
    expect(await page.getByRole('combobox', { name: 'Level' }).inputValue()).toBe('ALL_LEVELS')
  })

  it('filters by a category written in another letter case, and shows it in the select', async () => {
    const page = await newPage()
    await visit(page, `/courses?q=${token}&category=business`)
    expect(await page.getByRole('combobox', { name: 'Category' }).inputValue()).toBe('Business')
    await expect.poll(() => page.getByTestId('catalog-results').getByRole('link').allTextContents()).toEqual([expect.stringContaining(`Invoices ${token}`)])
  })

  it('says a page past the end is not there and links back to the last page', async () => {
    const page = await newPage()
    await visit(page, `/courses?q=${token}&page=99`)
    await page.getByRole('heading', { name: 'There is no page 99' }).waitFor()
    expect(await page.getByText(/page 99 of/).count()).toBe(0)
    await page.getByRole('link', { name: 'Go to page 1' }).click()
    await page.waitForURL(url => !new URL(url).searchParams.has('page'))
    await expect.poll(() => page.getByTestId('catalog-results').getByRole('link').count()).toBeGreaterThan(1)
  })

  it('keeps one canonical link and the schema.org Course in the head after hydration', async () => {
    const owner = await signedUp()
    const course = await listedCourse(owner, `Calligraphy ${token}`, 'Design', 'BEGINNER')
    // Signed in, so the app hydrates (a visitor's page is sent without it).
    const page = await newPage(await signedUp({ role: 'STUDENT' }))
    await visit(page, `/courses/${course.slug}?ref=mail`)
    await page.getByRole('heading', { level: 1, name: `Calligraphy ${token}` }).waitFor()
    const head = await page.evaluate(() => ({
      canonical: [...document.querySelectorAll('link[rel="canonical"]')].map(link => (link as HTMLLinkElement).href),
      ogUrl: document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
      twitter: document.querySelector('meta[name="twitter:card"]')?.getAttribute('content'),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map(script => script.textContent ?? ''),
    }))
    const url = new URL(`/courses/${course.slug}`, page.url()).href
    expect(head).toMatchObject({ canonical: [url], ogUrl: url, twitter: 'summary' })
    expect(head.jsonLd.join('')).toContain('"@type":"Course"')
  })
})
