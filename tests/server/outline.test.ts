import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter, OutlineOrder, Lesson } from '../../shared/types/outline'
import { courseChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import { ApiClient, data, signedUp } from '../support/api-client'
import type { ApiResult } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { TestSocket } from '../support/socket-client'

async function newCourse(owner: ApiClient, title = 'Outline course'): Promise<Course> {
  return data(await owner.post<Course>('/api/courses', { title, category: 'Development' }))
}
const addChapter = async (owner: ApiClient, courseId: string, title: string) =>
  data(await owner.post<Chapter>(`/api/courses/${courseId}/chapters`, { title }))
const addLesson = async (owner: ApiClient, chapterId: string, title: string) =>
  data(await owner.post<Lesson>(`/api/chapters/${chapterId}/lessons`, { title }))
const outline = async (owner: ApiClient, courseId: string) => data(await owner.get<Chapter[]>(`/api/courses/${courseId}/chapters`))
const orderOf = (chapters: Chapter[]): OutlineOrder => ({ chapters: chapters.map(c => ({ id: c.id, lessonIds: c.lessons.map(v => v.id) })) })
const titles = (chapters: Chapter[]) => chapters.map(c => [c.title, c.lessons.map(v => v.title)])
const positions = (chapters: Chapter[]) => chapters.map(c => [c.position, c.lessons.map(v => v.position)])

function expectError(result: ApiResult, status: number, code: string) {
  expect(result.status).toBe(status)
  expect(result.body).toMatchObject({ success: false, error: { code } })
}

/** A course with chapters A (a1, a2) and B (b1). */
async function fixture() {
  const owner = await signedUp()
  const course = await newCourse(owner)
  const a = await addChapter(owner, course.id, 'A')
  const b = await addChapter(owner, course.id, 'B')
  const a1 = await addLesson(owner, a.id, 'a1')
  const a2 = await addLesson(owner, a.id, 'a2')
  const b1 = await addLesson(owner, b.id, 'b1')
  return { owner, course, a, b, a1, a2, b1 }
}

describe('outline: building a course', () => {
  it('adds chapters and lessons at the end, in order, with gap-free positions', async () => {
    const { owner, course } = await fixture()
    const chapters = await outline(owner, course.id)
    expect(titles(chapters)).toEqual([['A', ['a1', 'a2']], ['B', ['b1']]])
    expect(positions(chapters)).toEqual([[0, [0, 1]], [1, [0]]])
    expect(chapters[0]!.lessons[0]).toMatchObject({ status: 'DRAFT', freePreview: false, durationSeconds: null })
  })

  it('renames chapters and lessons and switches free preview', async () => {
    const { owner, course, a, a1 } = await fixture()
    expect(data(await owner.patch<Chapter>(`/api/chapters/${a.id}`, { title: '  Getting started ' })).title).toBe('Getting started')
    expect(data(await owner.patch<Lesson>(`/api/lessons/${a1.id}`, { freePreview: true }))).toMatchObject({ title: 'a1', freePreview: true })
    expect(data(await owner.patch<Lesson>(`/api/lessons/${a1.id}`, { title: 'Welcome' }))).toMatchObject({ title: 'Welcome', freePreview: true })
    const chapters = await outline(owner, course.id)
    expect(titles(chapters)[0]).toEqual(['Getting started', ['Welcome', 'a2']])
    expect(data(await owner.get<Lesson[]>(`/api/chapters/${a.id}/lessons`)).map(v => v.title)).toEqual(['Welcome', 'a2'])
  })

  it('reorders chapters and lessons, moving a lesson to another chapter', async () => {
    const { owner, course, a, b, a1, a2, b1 } = await fixture()
    const result = data(await owner.request<{ order: OutlineOrder, chapters: Chapter[] }>('PUT', `/api/courses/${course.id}/outline/order`, {
      chapters: [{ id: b.id, lessonIds: [b1.id, a2.id] }, { id: a.id, lessonIds: [a1.id] }],
    }))
    expect(titles(result.chapters)).toEqual([['B', ['b1', 'a2']], ['A', ['a1']]])
    const chapters = await outline(owner, course.id)
    expect(titles(chapters)).toEqual([['B', ['b1', 'a2']], ['A', ['a1']]])
    expect(positions(chapters)).toEqual([[0, [0, 1]], [1, [0]]])
  })

  it('deletes chapters and lessons in one transaction and closes the gaps', async () => {
    const { owner, course, a, a1, b1 } = await fixture()
    const c = await addChapter(owner, course.id, 'C')
    await addLesson(owner, c.id, 'c1')
    data(await owner.post(`/api/courses/${course.id}/outline/delete`, { chapterIds: [a.id], lessonIds: [b1.id] }))
    const chapters = await outline(owner, course.id)
    expect(titles(chapters)).toEqual([['B', []], ['C', ['c1']]])
    expect(positions(chapters)).toEqual([[0, []], [1, [0]]])
    // The lessons of the deleted chapter went with it.
    expectError(await owner.patch(`/api/lessons/${a1.id}`, { title: 'gone' }), 404, 'NOT_FOUND')
  })

  it('deletes a single chapter or lesson', async () => {
    const { owner, course, a, b1 } = await fixture()
    data(await owner.delete(`/api/lessons/${b1.id}`))
    data(await owner.delete(`/api/chapters/${a.id}`))
    expect(titles(await outline(owner, course.id))).toEqual([['B', []]])
  })

  it('publishes only a course with a chapter holding a lesson, and unpublishes', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    const empty = await owner.post(`/api/courses/${course.id}/publish`)
    expectError(empty, 422, 'UNPROCESSABLE')
    expect(empty.body).toMatchObject({ error: { details: { missing: 'chapter' }, message: expect.stringContaining('chapter') } })
    const chapter = await addChapter(owner, course.id, 'Only chapter')
    expect((await owner.post(`/api/courses/${course.id}/publish`)).body).toMatchObject({ error: { details: { missing: 'lesson' } } })
    await addLesson(owner, chapter.id, 'First lesson')
    expect(data(await owner.post<Course>(`/api/courses/${course.id}/publish`)).status).toBe('PUBLISHED')
    expect(data(await owner.post<Course>(`/api/courses/${course.id}/unpublish`)).status).toBe('DRAFT')
  })
})

describe('outline: a published course keeps a lesson', () => {
  it('refuses (422, "Unpublish the course first") the save that would empty a published course, and deletes nothing', async () => {
    const { owner, course, a, b, a1, a2, b1 } = await fixture()
    data(await owner.post<Course>(`/api/courses/${course.id}/publish`))
    const before = await outline(owner, course.id)

    const everything = await owner.post(`/api/courses/${course.id}/outline/delete`, { chapterIds: [a.id, b.id], lessonIds: [] })
    expectError(everything, 422, 'UNPROCESSABLE')
    expect(everything.body).toMatchObject({ error: { message: expect.stringMatching(/^Unpublish the course first/) } })
    // Every lesson by id, and every lesson one by one down to the last, are refused the same way.
    expectError(await owner.post(`/api/courses/${course.id}/outline/delete`, { chapterIds: [], lessonIds: [a1.id, a2.id, b1.id] }), 422, 'UNPROCESSABLE')
    expect(await outline(owner, course.id)).toEqual(before)

    data(await owner.delete(`/api/lessons/${a1.id}`))
    data(await owner.delete(`/api/chapters/${a.id}`))
    expectError(await owner.delete(`/api/lessons/${b1.id}`), 422, 'UNPROCESSABLE')
    expectError(await owner.delete(`/api/chapters/${b.id}`), 422, 'UNPROCESSABLE')
    expect(titles(await outline(owner, course.id))).toEqual([['B', ['b1']]])

    // Unpublished, the same save goes through.
    data(await owner.post<Course>(`/api/courses/${course.id}/unpublish`))
    data(await owner.delete(`/api/chapters/${b.id}`))
    expect(await outline(owner, course.id)).toEqual([])
  })
})

describe('outline: refusals change nothing', () => {
  let f: Awaited<ReturnType<typeof fixture>>
  let before: Chapter[]
  beforeAll(async () => {
    f = await fixture()
    before = await outline(f.owner, f.course.id)
  })
  afterAll(async () => {
    // Every refusal above left the outline exactly as it was.
    expect(await outline(f.owner, f.course.id)).toEqual(before)
  })

  const calls = () => [
    ['GET', `/api/courses/${f.course.id}/chapters`],
    ['POST', `/api/courses/${f.course.id}/chapters`, { title: 'X' }],
    ['PATCH', `/api/chapters/${f.a.id}`, { title: 'X' }],
    ['DELETE', `/api/chapters/${f.a.id}`],
    ['GET', `/api/chapters/${f.a.id}/lessons`],
    ['POST', `/api/chapters/${f.a.id}/lessons`, { title: 'X' }],
    ['PATCH', `/api/lessons/${f.a1.id}`, { title: 'X' }],
    ['DELETE', `/api/lessons/${f.a1.id}`],
    ['POST', `/api/courses/${f.course.id}/outline/delete`, { chapterIds: [f.a.id] }],
    ['PUT', `/api/courses/${f.course.id}/outline/order`, orderOf(before)],
    ['POST', `/api/courses/${f.course.id}/publish`],
    ['POST', `/api/courses/${f.course.id}/unpublish`],
  ] as [string, string, unknown?][]

  it('anonymous: 401 on every route', async () => {
    for (const [method, path, body] of calls()) expectError(await new ApiClient().request(method, path, body), 401, 'UNAUTHENTICATED')
  })

  it('a student: 403 on every route', async () => {
    const student = await signedUp({ role: 'STUDENT' })
    for (const [method, path, body] of calls()) expectError(await student.request(method, path, body), 403, 'FORBIDDEN')
  })

  it('another instructor: 404 on every route', async () => {
    const stranger = await signedUp()
    for (const [method, path, body] of calls()) expectError(await stranger.request(method, path, body), 404, 'NOT_FOUND')
  })

  it('bad bodies: 400 with fields', async () => {
    const { owner, course, a, a1 } = f
    expectError(await owner.post(`/api/courses/${course.id}/chapters`, { title: '   ' }), 400, 'VALIDATION')
    expectError(await owner.post(`/api/chapters/${a.id}/lessons`, { title: 'x'.repeat(201) }), 400, 'VALIDATION')
    expectError(await owner.patch(`/api/lessons/${a1.id}`, {}), 400, 'VALIDATION')
    expectError(await owner.patch(`/api/lessons/${a1.id}`, { freePreview: 'yes' }), 400, 'VALIDATION')
    expectError(await owner.post(`/api/courses/${course.id}/outline/delete`, {}), 400, 'VALIDATION')
    expectError(await owner.post(`/api/courses/${course.id}/outline/delete`, { lessonIds: [a1.id, a1.id] }), 400, 'VALIDATION')
    const duplicate = await owner.request('PUT', `/api/courses/${course.id}/outline/order`, { chapters: [{ id: a.id, lessonIds: [a1.id, a1.id] }] })
    expectError(duplicate, 400, 'VALIDATION')
    expectError(await owner.request('PUT', `/api/courses/${course.id}/outline/order`, { chapters: 'all of them' }), 400, 'VALIDATION')
  })

  it('ids of another course: 404, and the batch deletes nothing', async () => {
    const { owner, course, a } = f
    const other = await fixture()
    expectError(await owner.post(`/api/courses/${course.id}/outline/delete`, { chapterIds: [a.id, other.a.id] }), 404, 'NOT_FOUND')
    const foreign = { chapters: [...orderOf(before).chapters, { id: other.a.id, lessonIds: [] }] }
    expectError(await owner.request('PUT', `/api/courses/${course.id}/outline/order`, foreign), 404, 'NOT_FOUND')
    expect(titles(await outline(other.owner, other.course.id))).toEqual([['A', ['a1', 'a2']], ['B', ['b1']]])
  })

  it('an order made from a stale outline: 409 with the current order', async () => {
    const { owner, course } = f
    const stale = { chapters: orderOf(before).chapters.slice(0, 1) }
    const result = await owner.request('PUT', `/api/courses/${course.id}/outline/order`, stale)
    expectError(result, 409, 'CONFLICT')
    expect(result.body).toMatchObject({ error: { details: { currentOrder: orderOf(before) } } })
  })

  it('a deleted course: 404 for its outline', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    const chapter = await addChapter(owner, course.id, 'Soon gone')
    await owner.delete(`/api/courses/${course.id}`)
    expectError(await owner.get(`/api/courses/${course.id}/chapters`), 404, 'NOT_FOUND')
    expectError(await owner.post(`/api/chapters/${chapter.id}/lessons`, { title: 'X' }), 404, 'NOT_FOUND')
  })
})

describe('outline: live events on the course channel', () => {
  it('announces every write with a small event', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    const socket = await TestSocket.open(inject('baseURL'), owner)
    try {
      await socket.subscribe(courseChannel(course.id))
      const is = (type: string) => (m: ServerMessage) => m.op === 'event' && m.event.type === type
      const chapter = await addChapter(owner, course.id, 'Live chapter')
      expect(await socket.next(is('chapter-saved'))).toMatchObject({ event: { courseId: course.id, chapter: { id: chapter.id, title: 'Live chapter', position: 0 } } })
      const lesson = await addLesson(owner, chapter.id, 'Live lesson')
      expect(await socket.next(is('lesson-saved'))).toMatchObject({ event: { lesson: { id: lesson.id, chapterId: chapter.id } } })
      const second = await addChapter(owner, course.id, 'Second')
      await owner.request('PUT', `/api/courses/${course.id}/outline/order`, { chapters: [{ id: second.id, lessonIds: [lesson.id] }, { id: chapter.id, lessonIds: [] }] })
      const reordered = await socket.next<Extract<ServerMessage, { op: 'event' }>>(is('outline-reordered'))
      expect(reordered.event).toEqual({ type: 'outline-reordered', courseId: course.id, order: { chapters: [{ id: second.id, lessonIds: [lesson.id] }, { id: chapter.id, lessonIds: [] }] } })
      await owner.post(`/api/courses/${course.id}/outline/delete`, { chapterIds: [chapter.id] })
      expect(await socket.next(is('outline-deleted'))).toMatchObject({ event: { chapterIds: [chapter.id], lessonIds: [] } })
    }
    finally {
      socket.close()
    }
  })
})

describeWithDatabase('outline: concurrent writes (PostgreSQL runs them in parallel)', () => {
  it('keeps positions gap-free and unique when two reorders race', async () => {
    const { owner, course, a, b, a1, a2, b1 } = await fixture()
    const c = await addChapter(owner, course.id, 'C')
    const first = { chapters: [{ id: c.id, lessonIds: [a2.id] }, { id: b.id, lessonIds: [b1.id, a1.id] }, { id: a.id, lessonIds: [] }] }
    const second = { chapters: [{ id: a.id, lessonIds: [b1.id, a1.id, a2.id] }, { id: c.id, lessonIds: [] }, { id: b.id, lessonIds: [] }] }
    const results = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => owner.request('PUT', `/api/courses/${course.id}/outline/order`, i % 2 ? second : first)),
    ])
    for (const result of results) expect(result.status).toBe(200)
    const chapters = await outline(owner, course.id)
    // The result is one of the two orders exactly, never a mix.
    expect([first, second].map(o => JSON.stringify(o))).toContain(JSON.stringify(orderOf(chapters)))
    const rows = await testDb().chapter.findMany({ where: { courseId: course.id }, select: { position: true, videos: { select: { position: true } } } })
    expect(rows.map(r => r.position).sort()).toEqual([0, 1, 2])
    for (const row of rows) expect(row.videos.map(v => v.position).sort()).toEqual(row.videos.map((_, i) => i))
  })

  it('gives chapters created at the same moment distinct consecutive positions', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: `Parallel ${i}` })))
    for (const result of created) expect(result.status).toBe(201)
    expect((await outline(owner, course.id)).map(c => c.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })
})
