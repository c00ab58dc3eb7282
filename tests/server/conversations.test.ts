import { randomBytes } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { conversationChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import { latestDayAnywhere } from '../../shared/schemas/conversation'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import type { ChatMessage, ConversationSummary, MessagePage } from '../../shared/types/conversation'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { TestSocket } from '../support/socket-client'
import { linkedObserver, observerAccount } from '../support/conversation-fixtures'

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
  await instructor.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' })
  expect((await instructor.post(`/api/courses/${course.id}/publish`, {})).status).toBe(200)
  const student = await signedUp({ role: 'STUDENT', name: 'Stu Student' })
  expect((await student.post(`/api/catalog/${course.slug}/enrol`)).status).toBe(200)
  const [conversation] = data(await student.get<ConversationSummary[]>('/api/conversations'))
  return { instructor, student, course, conversation: conversation! }
}

const send = (client: ApiClient, conversationId: string, body: Record<string, unknown>) =>
  client.post<ChatMessage>(`/api/conversations/${conversationId}/messages`, { targetDate: today(), clientKey: key(), ...body })
const page = async (client: ApiClient, conversationId: string, query = '') => data(await client.get<MessagePage>(`/api/conversations/${conversationId}/messages${query}`))
const keyOf = (m: ChatMessage) => `${m.targetDate} ${m.createdAt} ${m.id}`

/** Pages newer with `after` from a page until the newest, checking each page's order. */
async function pageNewer(client: ApiClient, conversationId: string, from: MessagePage, limit: number) {
  const seen = [...from.messages]
  let cursor = from.newerCursor
  while (cursor !== null) {
    const next: MessagePage = await page(client, conversationId, `?limit=${limit}&after=${cursor}`)
    expect(next.messages.length).toBeLessThanOrEqual(limit)
    expect(next.olderCursor).not.toBeNull()
    seen.push(...next.messages)
    cursor = next.newerCursor
  }
  return seen
}

/** The SQL statements the server counted for the page itself (not the session and access checks). */
async function statementsFor(client: ApiClient, path: string, method = 'GET', body?: unknown) {
  const result = await client.request(method, path, body, { headers: { 'x-lectern-count-queries': '1', 'authorization': `Bearer ${inject('internalToken')}` } })
  expect(result.status, JSON.stringify(result.body)).toBeLessThan(300)
  return Number(result.headers.get('x-lectern-query-count'))
}

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
    expect((await (await signedUp({ role: 'STUDENT' })).get(`/api/conversations/${p.conversation.id}/messages`)).status).toBe(404)
    expect((await page(p.student, p.conversation.id)).messages).toHaveLength(before)
  })

  it('refuses a message about a day after today anywhere on Earth (UTC+14) with a clear 400, storing nothing', async () => {
    const { student, instructor, conversation } = await pair()
    const before = (await page(student, conversation.id)).messages.length
    const latest = latestDayAnywhere()
    const dayAfter = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    for (const [client, type] of [[student, 'DAILY_NOTE'], [instructor, 'INSTRUCTOR_RESPONSE']] as const) {
      const refused = await send(client, conversation.id, { type, body: 'From the future', targetDate: dayAfter })
      expect(refused.status).toBe(400)
      expect(refused.body).toMatchObject({ success: false, error: { code: 'VALIDATION', fields: { targetDate: ['A message can’t be about a day after today'] } } })
    }
    expect((await page(student, conversation.id)).messages).toHaveLength(before)
    // Today where the day starts first is still a day someone is living: accepted.
    expect((await send(student, conversation.id, { type: 'DAILY_NOTE', body: 'Late evening in Kiritimati', targetDate: latest })).status).toBe(201)
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

  it('jumps to a back-dated day: that day onward in order, the messages just before, and cursors both ways', async () => {
    const { instructor, student, conversation } = await pair()
    const write = (i: number, targetDate: string) => send(i % 2 ? instructor : student, conversation.id, { type: i % 2 ? 'INSTRUCTOR_RESPONSE' : 'DAILY_NOTE', body: `${targetDate} #${i}`, targetDate })
    for (let i = 0; i < 5; i++) expect((await write(i, '2026-03-08')).status).toBe(201)
    for (let i = 0; i < 4; i++) expect((await write(i, '2026-03-10')).status).toBe(201)
    for (let i = 0; i < 3; i++) expect((await write(i, '2026-03-11')).status).toBe(201)
    for (let i = 0; i < 8; i++) expect((await write(i, today())).status).toBe(201)
    const all = (await page(student, conversation.id, '?limit=100')).messages // oldest first, with the enrolment
    expect(all).toHaveLength(21)

    const around = await page(student, conversation.id, '?around=2026-03-10&limit=6')
    // Half the page from just before the day (the last three of 8 March), the rest from the day on.
    expect(around.messages.map(m => m.body)).toEqual(['2026-03-08 #2', '2026-03-08 #3', '2026-03-08 #4', '2026-03-10 #0', '2026-03-10 #1', '2026-03-10 #2'])
    expect(around.messages.map(m => m.id)).toEqual(all.slice(2, 8).map(m => m.id))
    expect(around.olderCursor).not.toBeNull()
    expect(around.newerCursor).not.toBeNull()

    // Older from there reaches the start; newer reaches the newest (messages arriving meanwhile
    // included): each exactly once, in the stream's order.
    const older = await page(student, conversation.id, `?limit=6&before=${around.olderCursor}`)
    expect(older.messages.map(m => m.id)).toEqual(all.slice(0, 2).map(m => m.id))
    expect([older.olderCursor, older.newerCursor === null]).toEqual([null, false])
    const late = data(await send(student, conversation.id, { type: 'DAILY_NOTE', body: 'written during the jump' }))
    const newer = await pageNewer(student, conversation.id, around, 4)
    expect(newer.map(m => m.id)).toEqual([...all.slice(2).map(m => m.id), late.id])
    expect(newer.map(keyOf)).toEqual(newer.map(keyOf).sort())

    // A day with no messages shows the next ones; a day after everything is the latest page;
    // before everything there is nothing older.
    expect((await page(student, conversation.id, '?around=2026-03-09&limit=4')).messages.map(m => m.body)).toEqual(['2026-03-08 #3', '2026-03-08 #4', '2026-03-10 #0', '2026-03-10 #1'])
    const future = await page(student, conversation.id, '?around=2099-01-01&limit=6')
    expect(future).toEqual(await page(student, conversation.id, '?limit=6'))
    expect(future.newerCursor).toBeNull()
    const past = await page(student, conversation.id, '?around=2000-01-01&limit=6')
    expect(past.messages.map(m => m.id)).toEqual(all.slice(0, 6).map(m => m.id))
    expect(past.olderCursor).toBeNull()
  })

  it('refuses a bad day, a bad cursor, or two positions at once (400)', async () => {
    const bad = ['?around=2026-02-30', '?around=yesterday', '?around=2026-03-10&before=abc', '?after=not-a-cursor', '?after=a%20b',
      `?after=${Buffer.from(JSON.stringify({ d: 'soon', c: '2026-01-01T00:00:00.000Z', i: 'x' })).toString('base64url')}`,
      `?before=${Buffer.from(JSON.stringify({ d: '2026-01-01', c: 'later', i: 'x' })).toString('base64url')}`]
    for (const query of bad) expect((await p.student.get(`/api/conversations/${p.conversation.id}/messages${query}`)).status, query).toBe(400)
  })

  it('reads a page, older, newer and around a day in exactly one SQL statement each', async () => {
    const { student, conversation } = await pair()
    for (let i = 0; i < 12; i++) await send(student, conversation.id, { type: 'DAILY_NOTE', body: `n${i}`, targetDate: `2026-05-${String(10 + i).padStart(2, '0')}` })
    const path = `/api/conversations/${conversation.id}/messages`
    const around = await page(student, conversation.id, '?around=2026-05-15&limit=4')
    expect(await statementsFor(student, `${path}?limit=4`)).toBe(1)
    expect(await statementsFor(student, `${path}?limit=4&before=${around.olderCursor}`)).toBe(1)
    expect(await statementsFor(student, `${path}?limit=4&after=${around.newerCursor}`)).toBe(1)
    expect(await statementsFor(student, `${path}?limit=4&around=2026-05-15`)).toBe(1)
    // The counter does count: a send is several statements (look-up by key, insert, conversation).
    expect(await statementsFor(student, path, 'POST', { type: 'DAILY_NOTE', body: 'counted', targetDate: today(), clientKey: key() })).toBeGreaterThan(1)
    // Without the internal token, the header is ignored.
    const asked = await student.request('GET', path, undefined, { headers: { 'x-lectern-count-queries': '1' } })
    expect(asked.status).toBe(200)
    expect(asked.headers.get('x-lectern-query-count')).toBeNull()
  })

  it('delivers a private message only to the pair\'s sockets, and a shared one to linked observers too', async () => {
    const { instructor, student, conversation } = await pair()
    const observer = await linkedObserver({ instructor, student })
    const base = new ApiClient().baseURL
    const [studentSocket, observerSocket, outsiderSocket] = await Promise.all([student, observer, await signedUp({ role: 'STUDENT' })].map(client => TestSocket.open(base, client)))
    sockets.push(studentSocket!, observerSocket!, outsiderSocket!)
    expect(await studentSocket!.subscribe(conversationChannel(conversation.id))).toMatchObject({ op: 'subscribed' })
    expect(await observerSocket!.subscribe(conversationChannel(conversation.id))).toMatchObject({ op: 'subscribed' })
    expect(await outsiderSocket!.subscribe(conversationChannel(conversation.id))).toMatchObject({ op: 'error', code: 'FORBIDDEN' })
    const note = data(await send(student, conversation.id, { type: 'DAILY_NOTE', body: 'Private note' }))
    const shared = data(await send(instructor, conversation.id, { type: 'INSTRUCTOR_RESPONSE', body: 'For the family too', access: 'OBSERVERS' }))
    const isMessage = (id: string) => (m: ServerMessage) => m.op === 'event' && m.event.type === 'message-created' && m.event.message.id === id
    expect(await studentSocket!.next(isMessage(note.id))).toMatchObject({ event: { message: { body: 'Private note' } } })
    expect(await studentSocket!.next(isMessage(shared.id))).toMatchObject({ event: { message: { body: 'For the family too' } } })
    // Events reach a socket in the order they were published: the private note came first.
    expect(await observerSocket!.next(isMessage(shared.id))).toMatchObject({ event: { message: { body: 'For the family too' } } })
    expect(observerSocket!.messages.some(isMessage(note.id))).toBe(false)
    expect(outsiderSocket!.messages.some(m => isMessage(note.id)(m) || isMessage(shared.id)(m))).toBe(false)
  })
})

describeWithDatabase('observers', () => {
  it('read only the messages shared with observers, never private ones, live or paged, and cannot write', async () => {
    const { instructor, student, conversation } = await pair()
    const observer = await linkedObserver({ instructor, student })
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

    // Around a day and paging from there, the same rule: shared messages only.
    for (const [i, access] of (['PARTICIPANTS', 'OBSERVERS', 'PARTICIPANTS', 'OBSERVERS', 'OBSERVERS'] as const).entries())
      await send(instructor, conversation.id, { type: 'INSTRUCTOR_RESPONSE', body: `back-dated ${access} ${i}`, targetDate: '2026-04-0' + (i + 1), access })
    const around = await page(observer, conversation.id, '?around=2026-04-02&limit=2')
    expect(around.messages.map(m => m.body)).toEqual(['back-dated OBSERVERS 1', 'back-dated OBSERVERS 3'])
    expect(around.olderCursor).toBeNull()
    const onward = await pageNewer(observer, conversation.id, around, 2)
    expect(onward.map(m => m.body)).toEqual(['back-dated OBSERVERS 1', 'back-dated OBSERVERS 3', 'back-dated OBSERVERS 4', expect.stringMatching(/^Enrolled in /), 'For the family too'])
    expect(await statementsFor(observer, `/api/conversations/${conversation.id}/messages?around=2026-04-02`)).toBe(1)

    // An observer linked to this student by another instructor sees nothing of this pair.
    const stranger = await observerAccount()
    await testDb().observerLink.create({ data: { observerId: stranger.user!.id, studentId: student.user!.id, instructorId: (await signedUp()).user!.id } })
    expect((await stranger.get(`/api/conversations/${conversation.id}/messages`)).status).toBe(404)
    // And an observer linked to no one at all.
    expect((await (await observerAccount()).get(`/api/conversations/${conversation.id}/messages`)).status).toBe(404)
  })
})
