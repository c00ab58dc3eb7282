// Pages answer with the status of what they show: the friendly "not found" page of something that
// does not exist, or is not yours, is an HTTP 404 (for crawlers, link checkers and monitoring),
// while the same page of something you may see is a 200. The catalog's address is read leniently.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CatalogPage } from '../../shared/types/catalog'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import { ApiClient, data, signedUp } from '../support/api-client'
import { conversationPair } from '../support/conversation-fixtures'

const page = (client: ApiClient, path: string) => client.page(path)

async function listedCourse(owner: ApiClient, title: string, category = 'Design'): Promise<Course> {
  const course = data(await owner.post<Course>('/api/courses', { title, category }))
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
  data(await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' }))
  data(await owner.post(`/api/courses/${course.id}/publish`, {}))
  return course
}

describe('pages of things that are missing or not yours answer 404', () => {
  let pair: Awaited<ReturnType<typeof conversationPair>>
  let stranger: ApiClient
  beforeAll(async () => {
    pair = await conversationPair()
    stranger = await signedUp({ name: 'Other Instructor' })
  })

  it('learn: an unknown course, and a course the student is not enrolled in', async () => {
    expect((await page(pair.student, `/learn/${pair.course.slug}`)).status).toBe(200)
    const unknown = await page(pair.student, '/learn/no-such-course-here')
    expect(unknown.status).toBe(404)
    expect(unknown.html).toContain('</html>') // the friendly page, not a bare error
    // Gone: nothing to enrol in, so no link to another 404.
    expect(unknown.html).toContain('This course is not available')
    expect(unknown.html).not.toContain('href="/courses/no-such-course-here"')
    const other = await listedCourse(stranger, `Not enrolled ${randomBytes(3).toString('hex')}`)
    const notEnrolled = await page(pair.student, `/learn/${other.slug}`)
    expect(notEnrolled.status).toBe(404)
    // Open in the catalog: the page sends the student where they can enrol.
    expect(notEnrolled.html).toContain('not enrolled in this course')
    expect(notEnrolled.html).toContain(`href="/courses/${other.slug}"`)
  })

  it('messages: an unknown conversation, and someone else\'s', async () => {
    expect((await page(pair.student, `/messages/${pair.conversationId}`)).status).toBe(200)
    expect((await page(pair.student, '/messages/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await page(pair.student, '/messages/not-an-id')).status).toBe(404)
    expect((await page(stranger, `/messages/${pair.conversationId}`)).status).toBe(404)
  })

  it('studio: another instructor\'s course pages, and a course that is not there', async () => {
    for (const tab of ['', '/files', '/students']) {
      expect((await page(pair.instructor, `/studio/courses/${pair.course.id}${tab}`)).status, `own ${tab}`).toBe(200)
      expect((await page(stranger, `/studio/courses/${pair.course.id}${tab}`)).status, `foreign ${tab}`).toBe(404)
      expect((await page(stranger, `/studio/courses/00000000-0000-4000-8000-000000000000${tab}`)).status, `missing ${tab}`).toBe(404)
    }
  })

  it('catalog: an unknown course page', async () => {
    expect((await page(new ApiClient(), '/courses/no-such-course-anywhere')).status).toBe(404)
  })
})

describe('the catalog reads its address leniently', () => {
  const token = `cs${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    const owner = await signedUp()
    await listedCourse(owner, `Lettering ${token}`, 'Design')
    await listedCourse(owner, `Ledgers ${token}`, 'Business')
  })
  const catalog = async (query: string) => data(await new ApiClient().get<CatalogPage>(`/api/catalog?${query}`))

  it('takes a category or a level in any letter case', async () => {
    expect((await catalog(`q=${token}&category=design`)).items.map(c => c.title)).toEqual([`Lettering ${token}`])
    expect((await catalog(`q=${token}&category=BUSINESS`)).items.map(c => c.title)).toEqual([`Ledgers ${token}`])
    expect((await catalog(`q=${token}&category=health%20%26%20fitness`)).items).toEqual([])
    expect((await catalog(`q=${token}&level=all_levels`)).total).toBe(2)
    expect((await new ApiClient().get(`/api/catalog?category=nonsense`)).status).toBe(400)
    // The server-rendered page filters too, and its select shows the category.
    const html = (await page(new ApiClient(), `/courses?q=${token}&category=design`)).html
    expect(html).toContain(`Lettering ${token}`)
    expect(html).not.toContain(`Ledgers ${token}`)
  })

  it('says a page past the end is not there, with a link to the last page, never "page 99 of 1"', async () => {
    const result = await catalog(`q=${token}&page=99`)
    expect(result).toMatchObject({ items: [], total: 2, page: 99, pageCount: 1 })
    const html = (await page(new ApiClient(), `/courses?q=${token}&page=99`)).html
    expect(html).toContain('There is no page 99')
    expect(html).toContain('Go to page 1')
    expect(html).not.toMatch(/page 99 of/)
  })
})
