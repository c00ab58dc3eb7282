import { beforeAll, describe, expect, inject, it } from 'vitest'
import { buildCourse } from '../../prisma/seed/factories'
import type { Course, DeletedCourse } from '../../shared/types/course'
import { ApiClient, data, signedUp } from '../support/api-client'
import type { ApiResult } from '../support/api-client'

const newCourse = (overrides = {}) => {
  const { title, description, category } = buildCourse(overrides)
  return { title, description, category }
}

async function createCourse(client: ApiClient, overrides = {}): Promise<Course> {
  const result = await client.post<Course>('/api/courses', newCourse(overrides))
  expect(result.status).toBe(201)
  return data(result)
}

const listIds = async (client: ApiClient) => data(await client.get<Course[]>('/api/courses')).map(c => c.id)

function expectError(result: ApiResult, status: number, code: string) {
  expect(result.status).toBe(status)
  expect(result.body).toMatchObject({ success: false, error: { code, message: expect.any(String) } })
}

describe('course routes refuse', () => {
  let owner: ApiClient
  let course: Course
  beforeAll(async () => {
    owner = await signedUp()
    course = await createCourse(owner)
  })

  it('every route without a session: 401', async () => {
    const nobody = new ApiClient()
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/courses'],
      ['GET', '/api/courses/deleted'],
      ['POST', '/api/courses', newCourse()],
      ['GET', `/api/courses/${course.id}`],
      ['PATCH', `/api/courses/${course.id}`, { title: 'Hijacked' }],
      ['DELETE', `/api/courses/${course.id}`],
      ['POST', `/api/courses/${course.id}/restore`],
      ['GET', '/api/auth/me'],
      ['POST', '/api/auth/sign-out'],
    ]
    for (const [method, path, body] of calls) expectError(await nobody.request(method, path, body), 401, 'UNAUTHENTICATED')
    expect(data(await owner.get<Course>(`/api/courses/${course.id}`)).title).toBe(course.title)
  })

  it('a student: 403 on the studio routes', async () => {
    const student = await signedUp({ role: 'STUDENT' })
    expectError(await student.get('/api/courses'), 403, 'FORBIDDEN')
    expectError(await student.post('/api/courses', newCourse()), 403, 'FORBIDDEN')
    expectError(await student.get(`/api/courses/${course.id}`), 403, 'FORBIDDEN')
  })

  it('another instructor\'s course: 404 for read, edit, delete and restore, and nothing changes', async () => {
    const stranger = await signedUp()
    expectError(await stranger.get(`/api/courses/${course.id}`), 404, 'NOT_FOUND')
    expectError(await stranger.patch(`/api/courses/${course.id}`, { title: 'Taken over' }), 404, 'NOT_FOUND')
    expectError(await stranger.delete(`/api/courses/${course.id}`), 404, 'NOT_FOUND')
    expectError(await stranger.post(`/api/courses/${course.id}/restore`), 404, 'NOT_FOUND')
    expect(await listIds(stranger)).not.toContain(course.id)
    const mine = data(await owner.get<Course>(`/api/courses/${course.id}`))
    expect(mine).toMatchObject({ title: course.title, deletedAt: null })
  })

  it('malformed JSON, wrong types, a missing content type and oversized bodies: 4xx envelopes, nothing written', async () => {
    const before = await listIds(owner)
    expectError(await owner.request('POST', '/api/courses', undefined, { rawBody: '{"title": ', headers: { 'content-type': 'application/json' } }), 400, 'BAD_REQUEST')

    const wrongTypes = await owner.post('/api/courses', { title: 42, description: ['x'], category: 'Cooking' })
    expectError(wrongTypes, 400, 'VALIDATION')
    expect(Object.keys((wrongTypes.body as { error: { fields: object } }).error.fields).sort()).toEqual(['category', 'description', 'title'])

    expectError(await owner.request('POST', '/api/courses', undefined, { rawBody: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, 'BAD_REQUEST')
    expectError(await owner.post('/api/courses', { ...newCourse(), description: 'x'.repeat(2 * 1024 * 1024) }), 413, 'PAYLOAD_TOO_LARGE')
    expectError(await owner.post('/api/courses', { ...newCourse(), title: '  ' }), 400, 'VALIDATION')
    expect(await listIds(owner)).toEqual(before)
  })

  it('bad edits: 400 with fields, unknown ids 404, and the course is unchanged', async () => {
    expectError(await owner.patch(`/api/courses/${course.id}`, {}), 400, 'VALIDATION')
    const short = await owner.patch(`/api/courses/${course.id}`, { title: 'ab' })
    expectError(short, 400, 'VALIDATION')
    expect((short.body as { error: { fields: Record<string, string[]> } }).error.fields.title).toEqual(['Use at least 3 characters'])
    expectError(await owner.patch('/api/courses/does-not-exist', { title: 'Valid title' }), 404, 'NOT_FOUND')
    expectError(await owner.patch('/api/courses/bad%20id!', { title: 'Valid title' }), 400, 'VALIDATION')
    expect(data(await owner.get<Course>(`/api/courses/${course.id}`)).title).toBe(course.title)
  })

  it('unknown API paths: a 404 envelope, not the HTML page', async () => {
    expectError(await owner.get('/api/no-such-thing'), 404, 'NOT_FOUND')
    expectError(await owner.request('PUT', '/api/courses'), 404, 'NOT_FOUND')
  })
})

describe('course lifecycle', () => {
  it('creates a draft with a slug from its title, listed first', async () => {
    const owner = await signedUp()
    expect(data(await owner.get<Course[]>('/api/courses'))).toEqual([])
    const older = await createCourse(owner)
    const course = await createCourse(owner, { title: '  Café & Crème: Basics!  ', category: 'Other' })
    expect(course).toMatchObject({ title: 'Café & Crème: Basics!', status: 'DRAFT', category: 'Other', deletedAt: null })
    expect(course.slug).toMatch(/^cafe-and-creme-basics/)
    expect(await listIds(owner)).toEqual([course.id, older.id])
  })

  it('keeps every detail given at creation (level, language, price, cover), and the defaults otherwise', async () => {
    const owner = await signedUp()
    const details = { title: 'Priced From The Start', category: 'Business', level: 'ADVANCED', language: 'de', priceCents: 4900, coverImageUrl: 'https://images.example.org/cover.jpg' }
    const created = await owner.post<Course>('/api/courses', details)
    expect(created.status).toBe(201)
    const detailed = data(created)
    expect(detailed).toMatchObject({ level: 'ADVANCED', language: 'de', priceCents: 4900, coverImageUrl: 'https://images.example.org/cover.jpg' })
    expect(data(await owner.get<Course>(`/api/courses/${detailed.id}`))).toMatchObject({ level: 'ADVANCED', language: 'de', priceCents: 4900 })
    expect(await createCourse(owner, { title: 'Plain Defaults' })).toMatchObject({ level: 'ALL_LEVELS', language: 'en', priceCents: null, coverImageUrl: null })
  })

  it('gives a second course with the same title its own slug', async () => {
    const a = await createCourse(await signedUp(), { title: 'Same Title For Slug Test' })
    const b = await createCourse(await signedUp(), { title: 'Same Title For Slug Test' })
    expect(a.slug).not.toBe(b.slug)
  })

  it('edits only the fields sent and keeps the slug', async () => {
    const owner = await signedUp()
    const course = await createCourse(owner, { description: 'Original description' })
    const updated = data(await owner.patch<Course>(`/api/courses/${course.id}`, { title: 'A better title' }))
    expect(updated).toMatchObject({ title: 'A better title', description: 'Original description', slug: course.slug })
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(course.updatedAt).getTime())
    expect(data(await owner.get<Course>(`/api/courses/${course.id}`)).title).toBe('A better title')
  })

  it('soft-deletes: gone from the list and the editor, listed in Recently deleted with its purge date', async () => {
    const owner = await signedUp()
    const course = await createCourse(owner)
    const deleted = data(await owner.delete<Course>(`/api/courses/${course.id}`))
    expect(deleted.deletedAt).not.toBeNull()
    expect(await listIds(owner)).not.toContain(course.id)
    expectError(await owner.get(`/api/courses/${course.id}`), 404, 'NOT_FOUND')
    expectError(await owner.patch(`/api/courses/${course.id}`, { title: 'Edit after delete' }), 404, 'NOT_FOUND')
    expectError(await owner.delete(`/api/courses/${course.id}`), 404, 'NOT_FOUND')

    const trash = data(await owner.get<DeletedCourse[]>('/api/courses/deleted'))
    expect(trash.map(c => c.id)).toEqual([course.id])
    const days = (new Date(trash[0]!.purgeAt).getTime() - new Date(trash[0]!.deletedAt).getTime()) / 86_400_000
    expect(days).toBe(30)
  })

  it('restores a deleted course exactly as it was; a live course cannot be restored', async () => {
    const owner = await signedUp()
    const course = await createCourse(owner, { description: 'Keep me' })
    expectError(await owner.post(`/api/courses/${course.id}/restore`), 404, 'NOT_FOUND')
    await owner.delete(`/api/courses/${course.id}`)
    const restored = data(await owner.post<Course>(`/api/courses/${course.id}/restore`))
    expect(restored).toMatchObject({ id: course.id, title: course.title, description: 'Keep me', slug: course.slug, deletedAt: null })
    expect(await listIds(owner)).toContain(course.id)
    expect(data(await owner.get<DeletedCourse[]>('/api/courses/deleted'))).toEqual([])
  })
})

describe('liveness and readiness', () => {
  it('tells anyone only alive, or ready or not, also to HEAD', async () => {
    for (const path of ['/api/health', '/api/ready']) {
      const result = await new ApiClient().get(path)
      expect(result.status, path).toBe(200)
      expect(data(result), path).toEqual({ ok: true })
      const head = await fetch(`${new ApiClient().baseURL}${path}`, { method: 'HEAD' })
      expect(head.status, path).toBe(200)
      expect(await head.text(), path).toBe('')
    }
  })

  it('reports the database, storage and (when configured) Redis as working to an internal caller', async () => {
    const result = await new ApiClient().request<{ ok: boolean, draining: boolean, checks: Record<string, { ok: boolean, detail: string }> }>('GET', '/api/ready', undefined, { headers: { authorization: `Bearer ${inject('internalToken')}` } })
    expect(result.status).toBe(200)
    const report = data(result)
    expect(report).toMatchObject({ ok: true, draining: false, checks: { database: { ok: true }, storage: { ok: true } } })
    if (inject('redisUrl')) expect(report.checks.redis).toMatchObject({ ok: true, detail: 'redis PONG' })
    else expect(report.checks.redis).toBeUndefined()
  })
})
