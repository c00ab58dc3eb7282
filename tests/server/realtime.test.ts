import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { buildCourse } from '../../prisma/seed/factories'
import { courseChannel, userChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import type { Course } from '../../shared/types/course'
import { ApiClient, data, signedUp } from '../support/api-client'
import { databaseUrl } from '../support/database'
import { startServer } from '../support/server-process'
import { TestSocket } from '../support/socket-client'

const baseURL = inject('baseURL')
const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

async function socketFor(client?: ApiClient, url = baseURL) {
  const socket = await TestSocket.open(url, client)
  sockets.push(socket)
  return socket
}

const newCourse = () => {
  const { title, description, category } = buildCourse()
  return { title, description, category }
}

const eventOf = (type: string) => (m: ServerMessage) => m.op === 'event' && m.event.type === type

describe('the socket refuses', () => {
  it('an upgrade without a session, or with a forged cookie: 401', async () => {
    expect(await TestSocket.refusal(baseURL)).toBe(401)
    expect(await TestSocket.refusal(baseURL, { cookie: 'lectern-session=Fe26.2**forged' })).toBe(401)
  })

  it('channels the user may not read, with an error message', async () => {
    const owner = await signedUp()
    const stranger = await signedUp()
    const course = data(await owner.post<Course>('/api/courses', newCourse()))
    const socket = await socketFor(stranger)
    for (const channel of [userChannel(owner.user!.id), courseChannel(course.id), courseChannel('no-such-course')]) {
      expect(await socket.subscribe(channel)).toMatchObject({ op: 'error', channel, code: 'FORBIDDEN', message: expect.stringContaining(channel) })
    }
  })

  it('malformed messages, with an explanation', async () => {
    const socket = await socketFor(await signedUp())
    socket.send('not json')
    socket.send({ op: 'subscribe', channel: 'nonsense' })
    const errors = await socket.next(m => m.op === 'error' && m.code === 'BAD_MESSAGE')
    expect(errors).toMatchObject({ code: 'BAD_MESSAGE', message: expect.stringContaining('subscribe') })
  })
})

describe('live course events', () => {
  it('reach the owner\'s sockets for create, update, delete and restore, and no one else\'s', async () => {
    const owner = await signedUp()
    const other = await signedUp()
    const mine = await socketFor(owner)
    const theirs = await socketFor(other)
    expect(await mine.subscribe(userChannel(owner.user!.id))).toMatchObject({ op: 'subscribed' })
    expect(await theirs.subscribe(userChannel(other.user!.id))).toMatchObject({ op: 'subscribed' })

    const course = data(await owner.post<Course>('/api/courses', newCourse()))
    expect(await mine.next(eventOf('course-created'))).toMatchObject({ event: { course: { id: course.id, title: course.title } } })
    await owner.patch(`/api/courses/${course.id}`, { title: 'Renamed live' })
    expect(await mine.next(eventOf('course-updated'))).toMatchObject({ event: { course: { id: course.id, title: 'Renamed live' } } })
    await owner.delete(`/api/courses/${course.id}`)
    expect(await mine.next(eventOf('course-deleted'))).toMatchObject({ event: { course: { id: course.id, purgeAt: expect.any(String) } } })
    await owner.post(`/api/courses/${course.id}/restore`)
    expect(await mine.next(eventOf('course-restored'))).toMatchObject({ event: { course: { id: course.id, deletedAt: null } } })

    // An event is small: ids and the fields the list shows.
    const created = mine.messages.find(eventOf('course-created'))!
    expect(JSON.stringify(created).length).toBeLessThan(600)
    expect(theirs.messages.filter(m => m.op === 'event')).toEqual([])
  })

  it('drops the subscribers of a course when it is deleted', async () => {
    const owner = await signedUp()
    const course = data(await owner.post<Course>('/api/courses', newCourse()))
    const socket = await socketFor(owner)
    expect(await socket.subscribe(courseChannel(course.id))).toMatchObject({ op: 'subscribed' })
    await owner.delete(`/api/courses/${course.id}`)
    expect(await socket.next(m => m.op === 'unsubscribed')).toEqual({ op: 'unsubscribed', channel: courseChannel(course.id), reason: 'deleted' })
    expect(await socket.subscribe(courseChannel(course.id))).toMatchObject({ op: 'error', code: 'FORBIDDEN' })
  })

  it('closes a session\'s sockets when it signs out, and only that session\'s', async () => {
    const owner = await signedUp()
    const otherSession = new ApiClient()
    data(await otherSession.post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password }))
    const leaving = await socketFor(owner)
    const staying = await socketFor(otherSession)
    data(await owner.post('/api/auth/sign-out'))
    expect(await leaving.whenClosed()).toEqual({ code: 4401, reason: 'Signed out' })
    staying.send({ op: 'ping' })
    expect(await staying.next(m => m.op === 'pong')).toEqual({ op: 'pong' })
  })
})

describe('the HTTP bridge', () => {
  const token = inject('internalToken')
  const bridge = (body: unknown, auth = `Bearer ${token}`) =>
    new ApiClient().request('POST', '/api/internal/broadcast', body, { headers: { authorization: auth } })
  const progress = (courseId: string) => ({
    type: 'upload-progress', courseId, chapterId: 'ch1', lessonId: 'v1', operationId: 'op1',
    data: { progress: 42.5, bytes: 425, total: 1000 },
  })

  it('refuses a missing or wrong token with 401', async () => {
    const event = { channel: 'course:x', event: progress('x') }
    expect((await new ApiClient().post('/api/internal/broadcast', event)).status).toBe(401)
    expect((await bridge(event, 'Bearer wrong')).status).toBe(401)
    expect((await bridge(event, `Bearer ${token}x`)).status).toBe(401)
  })

  it('refuses events that do not match the schema with 400 and fields', async () => {
    const result = await bridge({ channel: 'course:x', event: { ...progress('x'), data: { progress: 'lots' } } })
    expect(result.status).toBe(400)
    expect(result.body).toMatchObject({ success: false, error: { code: 'VALIDATION', fields: expect.any(Object) } })
    expect((await bridge({ channel: 'everyone', event: progress('x') })).status).toBe(400)
    expect((await bridge({ channel: 'course:x', event: { type: 'drop-tables' } })).status).toBe(400)
  })

  it('delivers a valid event to the channel\'s subscribers, under 300 bytes for progress', async () => {
    const owner = await signedUp()
    const course = data(await owner.post<Course>('/api/courses', newCourse()))
    const socket = await socketFor(owner)
    await socket.subscribe(courseChannel(course.id))
    expect((await bridge({ channel: courseChannel(course.id), event: progress(course.id) })).status).toBe(200)
    const message = await socket.next(eventOf('upload-progress'))
    expect(message).toMatchObject({ event: { courseId: course.id, data: { bytes: 425, total: 1000 } } })
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThan(300)
  })
})

const redisUrl = inject('redisUrl')
const twoInstances = databaseUrl && redisUrl
describe.skipIf(!twoInstances)(`two instances sharing Redis${twoInstances ? '' : ' [skipped: needs PostgreSQL and Redis on this machine]'}`, () => {
  it('delivers an event published on instance A to a socket on instance B', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lectern-second-'))
    const second = await startServer(resolve(import.meta.dirname, '../..'), {
      NUXT_SESSION_PASSWORD: inject('sessionPassword'),
      DATABASE_URL: databaseUrl!,
      REDIS_URL: redisUrl!,
      LECTERN_REDIS_NAMESPACE: inject('redisNamespace'),
      LECTERN_DATA_DIR: scratch,
      LECTERN_INTERNAL_TOKEN: randomBytes(8).toString('hex'),
    })
    try {
      const owner = await signedUp() // on instance A
      const onB = await socketFor(owner, second.url)
      await onB.subscribe(userChannel(owner.user!.id))
      const course = data(await owner.post<Course>('/api/courses', newCourse())) // written on A
      expect(await onB.next(eventOf('course-created'))).toMatchObject({ event: { course: { id: course.id } } })
      // …and sign-out on A closes the socket on B.
      await owner.post('/api/auth/sign-out')
      expect((await onB.whenClosed()).code).toBe(4401)
    }
    finally {
      await second.stop()
      rmSync(scratch, { recursive: true, force: true })
    }
  })
})
