import { randomBytes } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { conversationChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import type { ChatMessage, ConversationSummary, MessagePage } from '../../shared/types/messages'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { TestSocket } from '../support/socket-client'

const key = () => `k-${randomBytes(6).toString('hex')}`
const today = () => new Date().toISOString().slice(0, 10)
const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

/** An instructor with a free published course, and a student enrolled in it (which opens their conversation). */
async function pair() {
  const instructor = await signedUp({ name: 'Ida Instructor' })
  const course = data(await instructor.post<Course>('/api/courses', { title: `Course ${key()}`, category: 'Design' }))
  const chapter = data(await instructor.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
  await instructor.post(`/api/chapters/${chapter.id}/videos`, { title: 'Welcome' })
  expect((await instructor.post(`/api/courses/${course.id}/publish`, {})).status).toBe(200)
  const student = await signedUp({ role: 'STUDENT', name: 'Stu Student' })
  expect((await student.post(`/api/catalog/${course.slug}/enrol`)).status).toBe(200)
  const [conversation] = data(await student.get<ConversationSummary[]>('/api/conversations'))
  return { instructor, student, course, conversation: conversation! }
}

const send = (client: ApiClient, conversationId: string, body: Record<string, unknown>) =>
  client.post<ChatMessage>(`/api/conversations/${conversationId}/messages`, { targetDate: today(), clientKey: key(), ...body })
const page = async (client: ApiClient, conversationId: string, query = '') => data(await client.get<MessagePage>(`/api/conversations/${conversationId}/messages${query}`))

describe('conversations', () => {
  let p: Awaited<ReturnType<typeof pair>>
  beforeAll(async () => {
    p = await pair()
  })

  it('opens one conversation per student and instructor on enrolment, with the activity in it', async () => {
    expect(p.conversation).toMatchObject({ other: { name: 'Ida Instructor', role: 'INSTRUCTOR' }, readerRole: 'participant', lastMessage: { type: 'ACTIVITY_LOG', preview: `Enrolled in ${p.course.title}` } })
    const [mine] = data(await p.instructor.get<ConversationSummary[]>('/api/conversations'))
    expect(mine).toMatchObject({ id: p.conversation.id, other: { name: 'Stu Student' } })
    const { messages } = await page(p.student, p.conversation.id)
    expect(messages).toMatchObject([{ type: 'ACTIVITY_LOG', sender: null, access: 'OBSERVERS', payload: { v: 1, event: 'enrolled', courseTitle: p.course.title } }])
  })

  it('sends once per idempotency key: a retry returns the stored message', async () => {
    const clientKey = key()
    const first = await send(p.student, p.conversation.id, { type: 'DAILY_NOTE', body: 'Finished chapter one today.', clientKey })
    expect(first.status).toBe(201)
    const [again, twice] = await Promise.all([
      send(p.student, p.conversation.id, { type: 'DAILY_NOTE', body: 'Finished chapter one today.', clientKey }),
      send(p.student, p.conversation.id, { type: 'DAILY_NOTE', body: 'Finished chapter one today.', clientKey }),
    ])
    expect([again.status, twice.status]).toEqual([200, 200])
    expect(data(again).id).toBe(data(first).id)
    const { messages } = await page(p.instructor, p.conversation.id)
    expect(messages.filter(m => m.clientKey === clientKey)).toHaveLength(1)
    expect(data(first)).toMatchObject({ sender: { name: 'Stu Student' }, access: 'PARTICIPANTS', targetDate: today() })
  })

  it('refuses the wrong type, bad input and outsiders, storing nothing', async () => {
    const before = (await page(p.student, p.conversation.id)).messages.length
    const refusals: [ApiClient, Record<string, unknown>, number][] = [
      [p.student, { type: 'INSTRUCTOR_RESPONSE', body: 'Pretending' }, 403],
      [p.instructor, { type: 'DAILY_NOTE', body: 'Not mine to write' }, 403],
      [p.student, { type: 'DAILY_NOTE', body: '   ' }, 400],
      [p.student, { type: 'DAILY_NOTE', body: 'Bad day', targetDate: '2026-02-30' }, 400],
      [p.student, { type: 'DAILY_NOTE', body: 'No key', clientKey: undefined }, 400],
      [await signedUp({ role: 'STUDENT' }), { type: 'DAILY_NOTE', body: 'Wrong pair' }, 404],
      [await signedUp(), { type: 'INSTRUCTOR_RESPONSE', body: 'Wrong pair' }, 404],
      [new ApiClient(), { type: 'DAILY_NOTE', body: 'Nobody' }, 401],
    ]
    for (const [client, body, status] of refusals) expect((await send(client, p.conversation.id, body)).status, JSON.stringify(body)).toBe(status)
    for (const outsider of [await signedUp({ role: 'STUDENT' }), await signedUp({ role: 'OBSERVER' })])
      expect((await outsider.get(`/api/conversations/${p.conversation.id}/messages`)).status).toBe(404)
    expect((await page(p.student, p.conversation.id)).messages).toHaveLength(before)
  })

  it('pages back in time without gaps or repeats while messages keep arriving, back-dated ones in their day', async () => {
    const { instructor, student, conversation } = await pair()
    const days = ['2026-10-01', '2026-10-02', '2026-10-03']
    for (let i = 0; i < 45; i++) await send(i % 2 ? instructor : student, conversation.id, { type: i % 2 ? 'INSTRUCTOR_RESPONSE' : 'DAILY_NOTE', body: `m${i}`, targetDate: days[i % 3] })
    const existing = (await page(student, conversation.id, '?limit=100')).messages.map(m => m.id)
    expect(existing).toHaveLength(46) // with the enrolment activity

    const seen: ChatMessage[] = []
    let cursor: string | null = ''
    let round = 0
    while (cursor !== null) {
      // Others write (today, and back-dated into the days being paged) while we page.
      const writes = Promise.all([
        send(student, conversation.id, { type: 'DAILY_NOTE', body: `late ${round}` }),
        send(instructor, conversation.id, { type: 'INSTRUCTOR_RESPONSE', body: `back-dated ${round}`, targetDate: '2026-09-15' }),
      ])
      const result: MessagePage = await page(student, conversation.id, `?limit=10${cursor ? `&before=${cursor}` : ''}`)
      seen.push(...result.messages)
      cursor = result.olderCursor
      await writes
      round++
    }
    const ids = seen.map(m => m.id)
    expect(new Set(ids).size).toBe(ids.length) // no repeats
    for (const id of existing) expect(ids).toContain(id) // no gaps
    // Each page is oldest-first; pages go back in (targetDate, createdAt) order.
    const keys = seen.map(m => `${m.targetDate} ${m.createdAt} ${m.id}`)
    for (let i = 0; i < keys.length; i += 10) {
      const chunk = keys.slice(i, i + 10)
      expect(chunk).toEqual([...chunk].sort())
    }
    expect((await student.get(`/api/conversations/${conversation.id}/messages?before=not-a-cursor`)).status).toBe(400)
  })

  it('delivers a private message only to the pair\'s sockets, and a shared one to linked observers too', async () => {
    const { student, conversation } = await pair()
    const base = new ApiClient().baseURL
    const [studentSocket, outsiderSocket] = await Promise.all([TestSocket.open(base, student), TestSocket.open(base, await signedUp({ role: 'STUDENT' }))])
    sockets.push(studentSocket, outsiderSocket)
    expect(await studentSocket.subscribe(conversationChannel(conversation.id))).toMatchObject({ op: 'subscribed' })
    expect(await outsiderSocket.subscribe(conversationChannel(conversation.id))).toMatchObject({ op: 'error', code: 'FORBIDDEN' })
    const note = data(await send(student, conversation.id, { type: 'DAILY_NOTE', body: 'Private note' }))
    const isMessage = (id: string) => (m: ServerMessage) => m.op === 'event' && m.event.type === 'message-created' && m.event.message.id === id
    expect(await studentSocket.next(isMessage(note.id))).toMatchObject({ event: { message: { body: 'Private note' } } })
  })
})

describeWithDatabase('observers', () => {
  it('read only the messages shared with observers, never private ones, live or paged, and cannot write', async () => {
    const { instructor, student, conversation } = await pair()
    const observer = await signedUp({ role: 'OBSERVER' })
    await testDb().observerLink.create({ data: { observerId: observer.user!.id, studentId: student.user!.id, instructorId: instructor.user!.id } })
    const socket = await TestSocket.open(new ApiClient().baseURL, observer)
    sockets.push(socket)
    expect(await socket.subscribe(conversationChannel(conversation.id))).toMatchObject({ op: 'subscribed' })

    const secret = data(await send(instructor, conversation.id, { type: 'INSTRUCTOR_RESPONSE', body: 'Between us' }))
    const shared = data(await send(instructor, conversation.id, { type: 'INSTRUCTOR_RESPONSE', body: 'For the family too', access: 'OBSERVERS' }))
    const events = () => socket.messages.flatMap(m => (m.op === 'event' && m.event.type === 'message-created' ? [m.event.message.id] : []))
    await socket.next(m => m.op === 'event' && m.event.type === 'message-created' && m.event.message.id === shared.id)
    expect(events()).not.toContain(secret.id)

    const view = await page(observer, conversation.id)
    expect(view.messages.map(m => m.body)).toEqual([expect.stringMatching(/^Enrolled in /), 'For the family too'])
    expect(view.messages.map(m => m.id)).not.toContain(secret.id)
    expect((await send(observer, conversation.id, { type: 'DAILY_NOTE', body: 'Hello' })).status).toBe(404)
    const [listed] = data(await observer.get<ConversationSummary[]>('/api/conversations'))
    expect(listed).toMatchObject({ id: conversation.id, readerRole: 'observer', lastMessage: { preview: 'For the family too' } })

    // An observer linked to this student by another instructor sees nothing of this pair.
    const stranger = await signedUp({ role: 'OBSERVER' })
    await testDb().observerLink.create({ data: { observerId: stranger.user!.id, studentId: student.user!.id, instructorId: (await signedUp()).user!.id } })
    expect((await stranger.get(`/api/conversations/${conversation.id}/messages`)).status).toBe(404)
  })
})
