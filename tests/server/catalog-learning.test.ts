import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import type { CatalogPage, CourseOverview } from '../../shared/types/catalog'
import { catalogLinkQuery, catalogQueryFromLink } from '../../shared/schemas/catalog'
import type { LearnCourse, LessonProgressState, MyLearningItem } from '../../shared/types/learning'
import { ApiClient, data, signedUp } from '../support/api-client'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'

/** A published course with one lesson and no video: enough for the catalog. */
async function listedCourse(owner: ApiClient, input: { title: string, category?: string, level?: string, priceCents?: number | null, description?: string }, publish = true): Promise<Course> {
  const { level, priceCents, ...create } = input
  const course = data(await owner.post<Course>('/api/courses', { category: 'Design', ...create }))
  if (level || priceCents) expect((await owner.patch(`/api/courses/${course.id}`, { level, priceCents })).status).toBe(200)
  const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
  expect((await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' })).status).toBe(201)
  if (publish) expect((await owner.post(`/api/courses/${course.id}/publish`, {})).status).toBe(200)
  return course
}

const catalog = async (query: string) => data(await new ApiClient().get<CatalogPage>(`/api/catalog?${query}`))

describe('the catalog', () => {
  const token = `qz${randomBytes(4).toString('hex')}`
  let owner: ApiClient
  beforeAll(async () => {
    owner = await signedUp()
    await listedCourse(owner, { title: `Alpha ${token} watercolour`, category: 'Design', level: 'BEGINNER' })
    await listedCourse(owner, { title: `Beta ${token} sketching`, category: 'Design', level: 'ADVANCED', priceCents: 1500 })
    await listedCourse(owner, { title: `Gamma grids`, description: `Layout for print and screen (${token}).`, category: 'Business', level: 'BEGINNER' })
    await listedCourse(owner, { title: `Delta ${token} unpublished` }, false)
    const deleted = await listedCourse(owner, { title: `Epsilon ${token} deleted` })
    expect((await owner.delete(`/api/courses/${deleted.id}`)).status).toBe(200)
  })

  it('finds published, live courses by any part of the title or description, case-insensitively', async () => {
    const page = await catalog(`q=${token.toUpperCase()}&sort=title`)
    expect(page.items.map(c => c.title)).toEqual([`Alpha ${token} watercolour`, `Beta ${token} sketching`, 'Gamma grids'])
    expect(page).toMatchObject({ total: 3, page: 1, pageCount: 1 })
    expect(page.items[0]).toMatchObject({ instructorName: expect.any(String), lessonCount: 1, level: 'BEGINNER', priceCents: null })
  })

  it('filters by category and level, and sorts by title or price', async () => {
    expect((await catalog(`q=${token}&category=Design`)).items.map(c => c.title).sort()).toEqual([`Alpha ${token} watercolour`, `Beta ${token} sketching`])
    expect((await catalog(`q=${token}&level=BEGINNER&sort=title`)).items.map(c => c.title)).toEqual([`Alpha ${token} watercolour`, 'Gamma grids'])
    const byPrice = (await catalog(`q=${token}&sort=price`)).items.map(c => c.priceCents)
    expect(byPrice.at(-1)).toBe(1500)
  })

  it('pages twelve at a time, newest first, with the total', async () => {
    const many = `pg${randomBytes(4).toString('hex')}`
    for (let i = 1; i <= 13; i++) await listedCourse(owner, { title: `Course ${String(i).padStart(2, '0')} ${many}` })
    const first = await catalog(`q=${many}`)
    expect(first).toMatchObject({ total: 13, pageCount: 2, pageSize: 12 })
    expect(first.items).toHaveLength(12)
    expect(first.items[0]!.title).toBe(`Course 13 ${many}`) // the last published
    const second = await catalog(`q=${many}&page=2`)
    expect(second.items.map(c => c.title)).toEqual([`Course 01 ${many}`])
    expect((await catalog(`q=${many}&page=3`)).items).toEqual([])
  })

  it('shows a course published, changed or unpublished at once, even right after the same page was read', async () => {
    // Catalog answers are kept a few seconds (server/services/catalog/catalog-cache.ts); writes drop them.
    const fresh = `fr${randomBytes(4).toString('hex')}`
    const course = await listedCourse(owner, { title: `Fresh ${fresh}` }, false)
    expect(await catalog(`q=${fresh}`)).toMatchObject({ total: 0, items: [] })
    expect((await owner.post(`/api/courses/${course.id}/publish`, {})).status).toBe(200)
    expect(await catalog(`q=${fresh}`)).toMatchObject({ total: 1, items: [{ title: `Fresh ${fresh}`, lessonCount: 1 }] })
    const [chapter] = data(await owner.get<Chapter[]>(`/api/courses/${course.id}/chapters`))
    expect((await owner.post(`/api/chapters/${chapter!.id}/lessons`, { title: 'Second' })).status).toBe(201)
    expect((await owner.patch(`/api/courses/${course.id}`, { priceCents: 2500 })).status).toBe(200)
    expect((await catalog(`q=${fresh}`)).items).toMatchObject([{ lessonCount: 2, priceCents: 2500 }])
    expect((await owner.post(`/api/courses/${course.id}/unpublish`, {})).status).toBe(200)
    expect(await catalog(`q=${fresh}`)).toMatchObject({ total: 0, items: [] })
  })

  it('refuses a malformed query with 400 and the field', async () => {
    for (const query of ['sort=cheapest', 'page=0', 'page=abc', 'category=Nope', 'level=EXPERT', `q=${'x'.repeat(101)}`]) {
      const result = await new ApiClient().get(`/api/catalog?${query}`)
      expect(result.status, query).toBe(400)
      expect(result.body).toMatchObject({ success: false, error: { code: 'VALIDATION', fields: expect.any(Object) } })
    }
  })
})

describe('the catalog rendered for a signed-in visitor', () => {
  // A page render loads the catalog on its own request (server/plugins/render-catalog.ts) instead
  // of asking GET /api/catalog: the cards it shows must be the ones the route answers.
  const token = `sr${randomBytes(4).toString('hex')}`
  let owner: ApiClient
  let cookie: string
  const cardSlugs = (html: string) => {
    const results = html.slice(html.indexOf('data-testid="catalog-results"'))
    return [...results.matchAll(/<a href="\/courses\/([a-z0-9-]+)"/g)].map(m => m[1])
  }
  const render = async (link: string) => {
    const response = await fetch(`${owner.baseURL}/courses?${link}`, { headers: { cookie } })
    expect(response.status, link).toBe(200)
    return response.text()
  }
  beforeAll(async () => {
    owner = await signedUp()
    cookie = owner.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
    for (let i = 1; i <= 14; i++)
      await listedCourse(owner, { title: `Render ${String(i).padStart(2, '0')} ${token}`, category: i % 2 ? 'Design' : 'Business', level: i % 3 ? 'BEGINNER' : 'ADVANCED', priceCents: i % 4 ? null : 100 * i })
  })

  it('shows the cards GET /api/catalog answers for the same address, whatever the address carries', async () => {
    const links = [`q=${token}`, `q=${token}&page=2`, `q=${token}&sort=title&page=2`, `q=${token}&sort=price`, `q=${token}&category=design&level=BEGINNER`, `q=${token.toUpperCase()}&category=Nope&sort=cheapest`, `q=${token}&page=99`]
    for (const link of links) {
      // The address as the page reads it (nonsense falls back), sent as the browser's query would be.
      const query = catalogQueryFromLink(Object.fromEntries(new URLSearchParams(link)))
      const page = await catalog(new URLSearchParams(catalogLinkQuery(query)).toString())
      const html = await render(link)
      expect(cardSlugs(html), link).toEqual(page.items.map(c => c.slug))
      // The payload carries the same page, so the browser does not fetch it again.
      for (const course of page.items) expect(html, link).toContain(course.title)
    }
    expect(cardSlugs(await render(`q=${token}`))).toHaveLength(12)
  })

  it('shows a course published, changed or unpublished on the very next render', async () => {
    const fresh = `rf${randomBytes(4).toString('hex')}`
    const course = await listedCourse(owner, { title: `Fresh render ${fresh}` }, false)
    expect(await render(`q=${fresh}`)).toContain('No courses match')
    expect((await owner.post(`/api/courses/${course.id}/publish`, {})).status).toBe(200)
    expect(await render(`q=${fresh}`)).toContain(`Fresh render ${fresh}`)
    expect((await owner.patch(`/api/courses/${course.id}`, { title: `Renamed render ${fresh}` })).status).toBe(200)
    const renamed = await render(`q=${fresh}`)
    expect(renamed).toContain(`Renamed render ${fresh}`)
    expect(renamed).not.toContain(`Fresh render ${fresh}`)
    expect((await owner.post(`/api/courses/${course.id}/unpublish`, {})).status).toBe(200)
    expect(await render(`q=${fresh}`)).toContain('No courses match')
  })
})

describe('the course page and enrolment', () => {
  let owner: ApiClient
  let free: PublishedCourse
  let draft: Course
  let priced: Course
  beforeAll(async () => {
    owner = await signedUp()
    free = await publishedCourse(owner, { lessons: 2 })
    draft = await listedCourse(owner, { title: 'Still being written' }, false)
    priced = await listedCourse(owner, { title: 'Paid masterclass', priceCents: 4900 })
  })

  it('shows a published course to anyone, with the syllabus; only the free preview is playable', async () => {
    const overview = data(await new ApiClient().get<CourseOverview>(`/api/catalog/${free.course.slug}`))
    expect(overview.viewer).toBeNull()
    expect(overview.course).toMatchObject({ title: free.course.title, status: 'PUBLISHED', lessonCount: 2, durationSeconds: 40 })
    expect(overview.chapters[0]!.lessons.map(l => [l.freePreview, l.playable, l.durationSeconds])).toEqual([[true, true, 20], [false, false, 20]])
  })

  it('404s an unpublished course for everyone but its owner', async () => {
    for (const client of [new ApiClient(), await signedUp({ role: 'STUDENT' }), await signedUp()])
      expect((await client.get(`/api/catalog/${draft.slug}`)).status).toBe(404)
    expect(data(await owner.get<CourseOverview>(`/api/catalog/${draft.slug}`)).viewer).toMatchObject({ isOwner: true, canEnrol: false })
    expect((await new ApiClient().get('/api/catalog/no-such-course')).status).toBe(404)
    expect((await new ApiClient().get('/api/catalog/Not%20A%20Slug')).status).toBe(400)
  })

  it('renders the course page on the server, and answers 404 for a course that is not there', async () => {
    const base = new ApiClient().baseURL
    const page = await fetch(`${base}/courses/${free.course.slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`<title>${free.course.title}`)
    expect(html).toContain('property="og:title"')
    const missing = await fetch(`${base}/courses/${draft.slug}`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('Course not found')
  })

  it('enrols a signed-in student in a free course, once, however often they click', async () => {
    const student = await signedUp({ role: 'STUDENT' })
    expect(data(await student.get<CourseOverview>(`/api/catalog/${free.course.slug}`)).viewer).toMatchObject({ canEnrol: true, enrolledAt: null })
    const [a, b] = await Promise.all([student.post(`/api/catalog/${free.course.slug}/enrol`), student.post(`/api/catalog/${free.course.slug}/enrol`)])
    expect([a.status, b.status]).toEqual([200, 200])
    expect(data(a)).toEqual(data(b))
    const overview = data(await student.get<CourseOverview>(`/api/catalog/${free.course.slug}`))
    expect(overview.viewer).toMatchObject({ canEnrol: false, enrolledAt: expect.any(String) })
    expect(overview.chapters[0]!.lessons.every(l => l.playable)).toBe(true)
    expect(data(await student.get<MyLearningItem[]>('/api/learn')).map(i => i.course.slug)).toEqual([free.course.slug])
  })

  it('refuses enrolment: signed out 401, priced 403, own course 422, unpublished 404 — and enrols no one', async () => {
    const student = await signedUp({ role: 'STUDENT' })
    expect((await new ApiClient().post(`/api/catalog/${free.course.slug}/enrol`)).status).toBe(401)
    const paid = await student.post(`/api/catalog/${priced.slug}/enrol`)
    expect(paid.status).toBe(403)
    expect(paid.body).toMatchObject({ error: { message: expect.stringContaining('instructor') } })
    expect((await owner.post(`/api/catalog/${free.course.slug}/enrol`)).status).toBe(422)
    expect((await student.post(`/api/catalog/${draft.slug}/enrol`)).status).toBe(404)
    expect(data(await student.get<MyLearningItem[]>('/api/learn'))).toEqual([])
  })
})

describe('watching and progress', () => {
  let owner: ApiClient
  let course: PublishedCourse
  let student: ApiClient
  beforeAll(async () => {
    owner = await signedUp()
    course = await publishedCourse(owner, { lessons: 2 })
    student = await signedUp({ role: 'STUDENT' })
    expect((await student.post(`/api/catalog/${course.course.slug}/enrol`)).status).toBe(200)
  })
  const progress = (client: ApiClient, lessonId: string, body: unknown) => client.post<LessonProgressState>(`/api/learn/lessons/${lessonId}/progress`, body)
  const learn = async (client: ApiClient) => data(await client.get<LearnCourse>(`/api/learn/${course.course.slug}`))
  const lesson = (view: LearnCourse, i: number) => view.chapters[0]!.lessons[i]!

  it('streams every lesson to an enrolled student, and only the preview to anyone else', async () => {
    const [preview, second] = course.lessons
    const range = { range: 'bytes=0-99' }
    const stream = (client: ApiClient, id: string) => fetch(`${client.baseURL}/api/lessons/${id}/stream`, { headers: { ...range, cookie: client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ') } })
    expect((await stream(student, second!.id)).status).toBe(206)
    expect((await stream(new ApiClient(), preview!.id)).status).toBe(206)
    for (const outsider of [new ApiClient(), await signedUp({ role: 'STUDENT' }), await signedUp()])
      expect((await stream(outsider, second!.id)).status).toBe(404)
  })

  it('saves the position and resumes there; the same report twice changes nothing', async () => {
    const first = course.lessons[0]!
    const saved = await progress(student, first.id, { positionSeconds: 7.5 })
    expect(saved.status).toBe(200)
    expect(data(saved)).toMatchObject({ positionSeconds: 7.5, completed: false, percentComplete: 0 })
    expect(data(await progress(student, first.id, { positionSeconds: 7.5 }))).toEqual(data(saved))
    const view = await learn(student)
    expect(lesson(view, 0)).toMatchObject({ positionSeconds: 7.5, completed: false, hasVideo: true, durationSeconds: 20 })
    expect(view.resumeLessonId).toBe(first.id)
    expect(data(await student.get<MyLearningItem[]>('/api/learn'))[0]!.resume).toEqual({ lessonId: first.id, title: first.title, positionSeconds: 7.5 })
  })

  it('refuses positions outside the video and reports from the wrong person, changing nothing', async () => {
    const first = course.lessons[0]!
    const before = lesson(await learn(student), 0)
    for (const body of [{ positionSeconds: 999 }, { positionSeconds: -1 }, {}, { positionSeconds: 'ten' }]) {
      const result = await progress(student, first.id, body)
      expect(result.status, JSON.stringify(body)).toBe(400)
      expect(result.body).toMatchObject({ success: false, error: { code: 'VALIDATION' } })
    }
    expect((await progress(new ApiClient(), first.id, { positionSeconds: 3 })).status).toBe(401)
    expect((await progress(await signedUp({ role: 'STUDENT' }), first.id, { positionSeconds: 3 })).status).toBe(404)
    expect((await progress(owner, first.id, { positionSeconds: 3 })).status).toBe(404)
    expect((await progress(student, 'no-such-lesson', { positionSeconds: 3 })).status).toBe(404)
    expect(lesson(await learn(student), 0)).toEqual(before)
  })

  it('completes a lesson at 90 % watched, by hand, and the course when every lesson is; un-completing reopens it', async () => {
    const [first, second] = course.lessons
    expect(data(await progress(student, first!.id, { positionSeconds: 17.9 }))).toMatchObject({ completed: false })
    expect(data(await progress(student, first!.id, { positionSeconds: 18 }))).toMatchObject({ completed: true, percentComplete: 50, courseCompletedAt: null })
    const done = data(await progress(student, second!.id, { positionSeconds: 19 }))
    expect(done).toMatchObject({ completed: true, percentComplete: 100, courseCompletedAt: expect.any(String) })
    expect((await learn(student)).completedAt).toBe(done.courseCompletedAt)
    // Un-marking keeps it un-marked while the student keeps watching past 90 %.
    expect(data(await progress(student, second!.id, { completed: false }))).toMatchObject({ completed: false, percentComplete: 50, courseCompletedAt: null })
    expect(data(await progress(student, second!.id, { positionSeconds: 19.5 }))).toMatchObject({ completed: false })
    // Marking by hand needs no watching at all.
    expect(data(await progress(student, second!.id, { completed: true }))).toMatchObject({ completed: true, percentComplete: 100 })
    expect(data(await progress(student, second!.id, { completed: false }))).toMatchObject({ completed: false })
    expect(data(await student.get<MyLearningItem[]>('/api/learn'))[0]).toMatchObject({ percentComplete: 50, completedLessons: 1, totalLessons: 2, completedAt: null })
  })

  it('closes the course to students when it is unpublished (404), and opens it again', async () => {
    expect((await owner.post(`/api/courses/${course.course.id}/unpublish`, {})).status).toBe(200)
    expect((await student.get(`/api/learn/${course.course.slug}`)).status).toBe(404)
    expect((await progress(student, course.lessons[0]!.id, { positionSeconds: 1 })).status).toBe(404)
    expect(data(await student.get<MyLearningItem[]>('/api/learn'))).toEqual([])
    expect((await owner.post(`/api/courses/${course.course.id}/publish`, {})).status).toBe(200)
    expect((await student.get(`/api/learn/${course.course.slug}`)).status).toBe(200)
  })
})

describe('anonymous visitors', () => {
  it('get pages without a session cookie being created for them', async () => {
    const base = new ApiClient().baseURL
    for (const path of ['/', '/courses', '/api/catalog', '/api/_auth/session']) {
      const response = await fetch(`${base}${path}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.getSetCookie().filter(c => c.startsWith('lectern-session=')), path).toEqual([])
    }
    // A signed-in visitor still gets their session on the server render.
    const student = await signedUp({ role: 'STUDENT' })
    const cookie = student.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
    expect(await (await fetch(`${base}/api/_auth/session`, { headers: { cookie } })).json()).toMatchObject({ user: { id: student.user!.id } })
  })

  it('get the public pages as HTML and CSS without the app\'s JavaScript; a signed-in visitor and every other page get the app', async () => {
    const base = new ApiClient().baseURL
    const owner = await signedUp()
    const course = await publishedCourse(owner, { lessons: 2 })
    const html = async (path: string, cookie?: string) => (await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} })).text()
    const app = (page: string) => ({ scripts: /<script[^>]*type="module"/.test(page) || page.includes('modulepreload'), marked: page.includes('data-static="true"') })
    for (const path of ['/', '/courses', `/courses?q=${course.course.slug}`, `/courses/${course.course.slug}`, '/sign-in'])
      expect(app(await html(path)), path).toEqual({ scripts: false, marked: true })
    // Without JavaScript, a free preview's Play is a link to the video; the other lesson has none.
    const coursePage = await html(`/courses/${course.course.slug}`)
    expect(coursePage).toContain(`href="/api/lessons/${course.lessons[0]!.id}/stream"`)
    expect(coursePage).not.toContain(`/api/lessons/${course.lessons[1]!.id}/stream`)
    const cookie = owner.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
    for (const path of ['/', '/courses', `/courses/${course.course.slug}`])
      expect(app(await html(path, cookie)), `${path} signed in`).toEqual({ scripts: true, marked: false })
    for (const path of ['/sign-up', '/forgot-password'])
      expect(app(await html(path)).scripts, path).toBe(true)
  })

  it('get the catalog page from a few-second HTML cache that a publish drops at once; anyone with a cookie is rendered', async () => {
    const base = new ApiClient().baseURL
    const owner = await signedUp()
    const mark = `pc${randomBytes(4).toString('hex')}`
    const path = `/courses?q=${mark}`
    const page = async (headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${path}`, { headers })
      return { status: response.status, cache: response.headers.get('x-lectern-page-cache'), html: await response.text() }
    }
    const first = await page()
    expect(first).toMatchObject({ status: 200, cache: 'miss' })
    const second = await page()
    expect(second).toMatchObject({ status: 200, cache: 'hit' })
    expect(second.html).toBe(first.html)

    // A publish through this server drops every cached page: the next visitor sees the course.
    const course = await listedCourse(owner, { title: `Cached ${mark}` }, false)
    expect((await owner.post(`/api/courses/${course.id}/publish`, {})).status).toBe(200)
    const after = await page()
    expect(after.cache).toBe('miss')
    expect(after.html).toContain(`Cached ${mark}`)

    // Signed-in visitors (any cookie at all) are never served from, nor put into, the cache.
    const cookie = owner.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
    const signedIn = await page({ cookie })
    expect(signedIn.cache).toBeNull()
    expect(signedIn.html).toContain(`Cached ${mark}`)
    expect((await page({ cookie: 'lectern-prefs=x' })).cache).toBeNull()
  })
})
