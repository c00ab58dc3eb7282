import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import type { Chapter, Lesson } from '../../shared/types/outline'
import type { StudentRow } from '../../shared/types/student'
import { courseChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import { ApiClient, data, signedUp } from '../support/api-client'
import type { ApiResult } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { TestSocket } from '../support/socket-client'

const newCourse = async (owner: ApiClient, title = 'Students course') =>
  data(await owner.post<Course>('/api/courses', { title, category: 'Development' }))
const studentsOf = (courseId: string) => `/api/courses/${courseId}/students`
const list = async (owner: ApiClient, courseId: string) => data(await owner.get<StudentRow[]>(studentsOf(courseId)))
const emails = async (owner: ApiClient, courseId: string) => (await list(owner, courseId)).map(s => s.email)
const add = (owner: ApiClient, courseId: string, email: string) => owner.post<StudentRow>(studentsOf(courseId), { email })

function expectError(result: ApiResult, status: number, code: string) {
  expect(result.status).toBe(status)
  expect(result.body).toMatchObject({ success: false, error: { code, message: expect.any(String) } })
}
/** The message the form shows under the email input. */
const emailError = (result: ApiResult) => (result.body as { error: { fields?: Record<string, string[]> } }).error.fields?.email?.[0]

describe('students routes refuse', () => {
  let owner: ApiClient
  let course: Course
  let enrolled: ApiClient
  let before: string[]
  beforeAll(async () => {
    owner = await signedUp()
    course = await newCourse(owner)
    enrolled = await signedUp({ role: 'STUDENT' })
    data(await add(owner, course.id, enrolled.user!.email))
    before = await emails(owner, course.id)
  })
  // Every refusal leaves the list exactly as it was.
  const unchanged = async () => expect(await emails(owner, course.id)).toEqual(before)

  it('every route without a session: 401', async () => {
    const nobody = new ApiClient()
    expectError(await nobody.get(studentsOf(course.id)), 401, 'UNAUTHENTICATED')
    expectError(await add(nobody, course.id, 'someone@example.test'), 401, 'UNAUTHENTICATED')
    expectError(await nobody.delete(`${studentsOf(course.id)}/${enrolled.user!.id}`), 401, 'UNAUTHENTICATED')
    await unchanged()
  })

  it('a student, even one enrolled in the course: 403, as for the rest of the studio', async () => {
    const other = await signedUp({ role: 'STUDENT' })
    for (const caller of [enrolled, other]) {
      expectError(await caller.get(studentsOf(course.id)), 403, 'FORBIDDEN')
      expectError(await add(caller, course.id, other.user!.email), 403, 'FORBIDDEN')
      expectError(await caller.delete(`${studentsOf(course.id)}/${enrolled.user!.id}`), 403, 'FORBIDDEN')
    }
    await unchanged()
  })

  it('another instructor\'s course: 404 for list, add and remove', async () => {
    const stranger = await signedUp()
    const someone = await signedUp({ role: 'STUDENT' })
    expectError(await stranger.get(studentsOf(course.id)), 404, 'NOT_FOUND')
    expectError(await add(stranger, course.id, someone.user!.email), 404, 'NOT_FOUND')
    expectError(await stranger.delete(`${studentsOf(course.id)}/${enrolled.user!.id}`), 404, 'NOT_FOUND')
    await unchanged()
  })

  it('an email that is not one: 400 with the field message; a body that is not JSON: 400', async () => {
    for (const email of ['not-an-email', '', 42]) {
      const result = await owner.post(studentsOf(course.id), { email })
      expectError(result, 400, 'VALIDATION')
      expect(emailError(result)).toEqual(expect.any(String))
    }
    expectError(await owner.post(studentsOf(course.id), {}), 400, 'VALIDATION')
    expectError(await owner.request('POST', studentsOf(course.id), undefined, { rawBody: 'email=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, 'BAD_REQUEST')
    await unchanged()
  })

  it('an email without an account: 404 saying so under the email field', async () => {
    const result = await add(owner, course.id, 'nobody-here@example.test')
    expectError(result, 404, 'NOT_FOUND')
    expect(emailError(result)).toMatch(/No Lectern account uses nobody-here@example\.test/)
    await unchanged()
  })

  it('the owner themselves: 422', async () => {
    const result = await add(owner, course.id, owner.user!.email)
    expectError(result, 422, 'UNPROCESSABLE')
    expect(emailError(result)).toMatch(/You teach this course/)
    await unchanged()
  })

  it('someone already enrolled: 409, however the email is written', async () => {
    const result = await add(owner, course.id, `  ${enrolled.user!.email.toUpperCase()} `)
    expectError(result, 409, 'CONFLICT')
    expect(emailError(result)).toMatch(/already enrolled/)
    await unchanged()
  })

  it('removing someone not enrolled, or from a course that does not exist: 404', async () => {
    const outsider = await signedUp({ role: 'STUDENT' })
    expectError(await owner.delete(`${studentsOf(course.id)}/${outsider.user!.id}`), 404, 'NOT_FOUND')
    expectError(await owner.delete(`${studentsOf('no-such-course')}/${enrolled.user!.id}`), 404, 'NOT_FOUND')
    expectError(await owner.get(studentsOf('no-such-course')), 404, 'NOT_FOUND')
    expectError(await owner.get(studentsOf('bad%20id!')), 400, 'VALIDATION')
    await unchanged()
  })

  it('a deleted course: 404 until it is restored', async () => {
    const other = await newCourse(owner, 'Deleted with students')
    data(await add(owner, other.id, enrolled.user!.email))
    data(await owner.delete(`/api/courses/${other.id}`))
    expectError(await owner.get(studentsOf(other.id)), 404, 'NOT_FOUND')
    expectError(await add(owner, other.id, (await signedUp({ role: 'STUDENT' })).user!.email), 404, 'NOT_FOUND')
    data(await owner.post(`/api/courses/${other.id}/restore`))
    expect(await emails(owner, other.id)).toEqual([enrolled.user!.email])
  })
})

describe('students: list, add, remove', () => {
  it('starts empty, and lists students newest enrolment first', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    expect(await list(owner, course.id)).toEqual([])
    const first = await signedUp({ role: 'STUDENT' })
    const second = await signedUp({ role: 'STUDENT' })
    data(await add(owner, course.id, first.user!.email))
    data(await add(owner, course.id, second.user!.email))
    expect(await emails(owner, course.id)).toEqual([second.user!.email, first.user!.email])
  })

  it('adds by email to a draft, priced course: 201 with the row, added by the instructor', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    data(await owner.patch(`/api/courses/${course.id}`, { priceCents: 4900 }))
    const student = await signedUp({ role: 'STUDENT', name: 'Ada Student' })
    const result = await add(owner, course.id, ` ${student.user!.email.toUpperCase()}`)
    expect(result.status).toBe(201)
    const row = data(result)
    expect(row).toEqual({
      userId: student.user!.id,
      name: 'Ada Student',
      email: student.user!.email,
      enrolledAt: expect.any(String),
      source: 'INSTRUCTOR',
      lastActiveAt: expect.any(String),
      completedAt: null,
      percentComplete: 0,
      completedLessonIds: [],
    })
    expect(await list(owner, course.id)).toEqual([row])
  })

  it('another instructor can be a student of the course too', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    const colleague = await signedUp()
    expect(data(await add(owner, course.id, colleague.user!.email)).userId).toBe(colleague.user!.id)
  })

  it('removes a student; adding them again is a fresh enrolment', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    const student = await signedUp({ role: 'STUDENT' })
    const stays = await signedUp({ role: 'STUDENT' })
    data(await add(owner, course.id, stays.user!.email))
    const first = data(await add(owner, course.id, student.user!.email))
    expect(data(await owner.delete(`${studentsOf(course.id)}/${student.user!.id}`))).toEqual({ courseId: course.id, userId: student.user!.id })
    expect(await emails(owner, course.id)).toEqual([stays.user!.email])
    expectError(await owner.delete(`${studentsOf(course.id)}/${student.user!.id}`), 404, 'NOT_FOUND')
    const again = data(await add(owner, course.id, student.user!.email))
    expect(again.enrolledAt > first.enrolledAt).toBe(true)
  })
})

describeWithDatabase('students: progress', () => {
  async function courseWithLessons(owner: ApiClient) {
    const course = await newCourse(owner)
    const lessons: Lesson[] = []
    for (const [chapterTitle, titles] of [['One', ['1a', '1b']], ['Two', ['2a']]] as const) {
      const chapter = data(await owner.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: chapterTitle }))
      for (const title of titles) lessons.push(data(await owner.post<Lesson>(`/api/chapters/${chapter.id}/lessons`, { title })))
    }
    return { course, lessons }
  }

  it('shows the lessons each student completed and the share of the course, and removing deletes the progress', async () => {
    const owner = await signedUp()
    const { course, lessons } = await courseWithLessons(owner)
    const student = await signedUp({ role: 'STUDENT' })
    data(await add(owner, course.id, student.user!.email))
    const db = testDb()
    const enrollment = await db.enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId: student.user!.id } } })
    // Completed the last lesson; only started the first.
    await db.lessonProgress.create({ data: { enrollmentId: enrollment.id, videoId: lessons[2]!.id, completedAt: new Date(), furthestSeconds: 60 } })
    await db.lessonProgress.create({ data: { enrollmentId: enrollment.id, videoId: lessons[0]!.id, positionSeconds: 12, furthestSeconds: 12 } })

    const [row] = await list(owner, course.id)
    expect(row).toMatchObject({ completedLessonIds: [lessons[2]!.id], percentComplete: 33 })

    data(await owner.delete(`${studentsOf(course.id)}/${student.user!.id}`))
    expect(await db.enrollment.count({ where: { id: enrollment.id } })).toBe(0)
    expect(await db.lessonProgress.count({ where: { enrollmentId: enrollment.id } })).toBe(0)
  })
})

describe('students live on the course channel', () => {
  const sockets: TestSocket[] = []
  afterAll(() => sockets.forEach(s => s.close()))
  const isStudentEvent = (m: ServerMessage) => m.op === 'event' && (m.event.type === 'student-updated' || m.event.type === 'student-removed')

  it('sends the whole row when a student is added, and the removal when they go', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    const socket = await TestSocket.open(inject('baseURL'), owner)
    sockets.push(socket)
    expect((await socket.subscribe(courseChannel(course.id))).op).toBe('subscribed')
    const student = await signedUp({ role: 'STUDENT' })

    const row = data(await add(owner, course.id, student.user!.email))
    await socket.next(isStudentEvent, 2000)
    expect(socket.messages.filter(isStudentEvent).map(m => m.op === 'event' && m.event)).toEqual([
      { type: 'student-updated', courseId: course.id, student: row },
    ])

    data(await owner.delete(`${studentsOf(course.id)}/${student.user!.id}`))
    await socket.next(m => m.op === 'event' && m.event.type === 'student-removed' && m.event.userId === student.user!.id, 2000)
    expect(socket.messages.filter(isStudentEvent)).toHaveLength(2)
  })

  it('says nothing on refused requests', async () => {
    const owner = await signedUp()
    const course = await newCourse(owner)
    const student = await signedUp({ role: 'STUDENT' })
    data(await add(owner, course.id, student.user!.email))
    const socket = await TestSocket.open(inject('baseURL'), owner)
    sockets.push(socket)
    await socket.subscribe(courseChannel(course.id))
    expectError(await add(owner, course.id, student.user!.email), 409, 'CONFLICT')
    expectError(await owner.delete(`${studentsOf(course.id)}/${owner.user!.id}`), 404, 'NOT_FOUND')
    // A later, accepted change arrives first: nothing was sent for the refusals before it.
    const next = await signedUp({ role: 'STUDENT' })
    data(await add(owner, course.id, next.user!.email))
    await socket.next(isStudentEvent, 2000)
    const events = socket.messages.filter(isStudentEvent)
    expect(events.map(m => m.op === 'event' && m.event.type === 'student-updated' && m.event.student.userId)).toEqual([next.user!.id])
  })
})
