// Observers linked by an instructor, and each message's visibility (access + explicit grants):
// who may link, read and change what, over HTTP and over real sockets. "Did not receive" is
// checked against a later event the same socket does receive, since the bus delivers in order.
import { afterEach, expect, it } from 'vitest'
import { conversationChannel, userChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import type { ConversationSummary, MessagePage } from '../../shared/types/conversation'
import type { MessageVisibility, ObserverRow, StudentObservers } from '../../shared/types/observer'
import { ApiClient, data, signedUp } from '../support/api-client'
import { conversationPair, observerAccount, sendMessage } from '../support/conversation-fixtures'
import { describeWithDatabase, testDb } from '../support/database'
import { TestSocket } from '../support/socket-client'

const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

const observersOf = (studentId: string) => `/api/students/${studentId}/observers`
const link = (instructor: ApiClient, studentId: string, email: string) => instructor.post<ObserverRow>(observersOf(studentId), { email })
const unlink = (instructor: ApiClient, studentId: string, observerId: string) => instructor.delete<{ removed: boolean }>(`${observersOf(studentId)}/${observerId}`)
const visibilityOf = (messageId: string) => `/api/messages/${messageId}/visibility`
const setVisibility = (client: ApiClient, messageId: string, body: unknown) => client.request<MessageVisibility>('PUT', visibilityOf(messageId), body)
const bodies = async (client: ApiClient, conversationId: string) => data(await client.get<MessagePage>(`/api/conversations/${conversationId}/messages?limit=100`)).messages.map(m => m.body)

async function socketOf(client: ApiClient, ...channels: string[]) {
  const socket = await TestSocket.open(client.baseURL, client)
  sockets.push(socket)
  for (const channel of channels) expect(await socket.subscribe(channel)).toMatchObject({ op: 'subscribed' })
  return socket
}
const isEvent = (type: string, match: (event: Record<string, unknown>) => boolean = () => true) =>
  (m: ServerMessage) => m.op === 'event' && m.event.type === type && match(m.event as never)
const aboutMessage = (id: string) => (event: Record<string, unknown>) => (event.message as { id: string } | undefined)?.id === id || event.messageId === id
const eventsAbout = (socket: TestSocket, messageId: string) => socket.messages.flatMap(m => (m.op === 'event' && aboutMessage(messageId)(m.event as never) ? [m.event.type] : []))

describeWithDatabase('linking observers to a student', () => {
  it('links an observer account by email, idempotently, lists it, and unlinks it idempotently', async () => {
    const { instructor, student } = await conversationPair()
    const studentId = student.user!.id
    const observer = await observerAccount('Olga Parent')
    expect(data(await instructor.get<StudentObservers>(observersOf(studentId)))).toEqual({ student: { id: studentId, name: 'Sol Student' }, observers: [] })

    const first = await link(instructor, studentId, `  ${observer.user!.email.toUpperCase()} `)
    expect(first.status).toBe(201)
    expect(data(first)).toMatchObject({ id: observer.user!.id, name: 'Olga Parent', email: observer.user!.email })
    const again = await link(instructor, studentId, observer.user!.email)
    expect(again.status).toBe(200)
    expect(data(again)).toEqual(data(first))
    expect(data(await instructor.get<StudentObservers>(observersOf(studentId))).observers).toEqual([data(first)])
    expect(await testDb().observerLink.count({ where: { studentId } })).toBe(1)

    expect(data(await unlink(instructor, studentId, observer.user!.id))).toEqual({ removed: true })
    expect(data(await unlink(instructor, studentId, observer.user!.id))).toEqual({ removed: false })
    expect(data(await instructor.get<StudentObservers>(observersOf(studentId))).observers).toEqual([])
  })

  it('refuses other instructors, the student, observers, anonymous callers, unknown or non-observer emails and students not theirs', async () => {
    const { instructor, student } = await conversationPair()
    const studentId = student.user!.id
    const observer = await observerAccount()
    data(await link(instructor, studentId, observer.user!.email))
    const otherInstructor = await signedUp()
    const someoneElsesStudent = (await conversationPair()).student.user!.id

    // Who asks: only this student's instructor.
    const callers: [string, ApiClient, number][] = [
      ['another instructor', otherInstructor, 404],
      ['the student', student, 403],
      ['an observer', observer, 403],
      ['anonymous', new ApiClient(), 401],
    ]
    for (const [who, client, status] of callers) {
      expect((await client.get(observersOf(studentId))).status, `${who} lists`).toBe(status)
      expect((await link(client, studentId, observer.user!.email)).status, `${who} links`).toBe(status)
      expect((await unlink(client, studentId, observer.user!.id)).status, `${who} unlinks`).toBe(status)
    }
    // Whose observers: only this instructor's students.
    for (const id of [someoneElsesStudent, otherInstructor.user!.id, observer.user!.id, 'no-such-user']) {
      expect((await instructor.get(observersOf(id))).status, id).toBe(404)
      expect((await link(instructor, id, observer.user!.email)).status, id).toBe(404)
      expect((await unlink(instructor, id, observer.user!.id)).status, id).toBe(404)
    }
    // Which account: an existing observer account; an email with no account is invited instead
    // (tests/server/invitations.test.ts), and makes no link.
    const unknown = await link(instructor, studentId, 'nobody-here@example.test')
    expect(unknown.status).toBe(202)
    expect(unknown.body).toMatchObject({ success: true, data: { email: 'nobody-here@example.test', invitedAt: expect.any(String) } })
    for (const account of [await signedUp({ role: 'STUDENT' }), otherInstructor]) {
      const refused = await link(instructor, studentId, account.user!.email)
      expect(refused.status).toBe(422)
      expect(refused.body).toMatchObject({ error: { fields: { email: [expect.stringContaining('is not an observer account')] } } })
    }
    expect((await link(instructor, studentId, 'not an email')).status).toBe(400)

    // Nothing changed: still exactly the one link this instructor made.
    expect(await testDb().observerLink.findMany({ where: { studentId }, select: { observerId: true, instructorId: true } })).toEqual([{ observerId: observer.user!.id, instructorId: instructor.user!.id }])
  })

  it('lets the observer read the shared messages once linked, and nothing once unlinked', async () => {
    const { instructor, student, conversationId } = await conversationPair()
    const observer = await observerAccount()
    await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Private feedback' })
    await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Shared progress', access: 'OBSERVERS' })
    expect((await observer.get(`/api/conversations/${conversationId}/messages`)).status).toBe(404)
    expect(data(await observer.get<ConversationSummary[]>('/api/conversations'))).toEqual([])

    data(await link(instructor, student.user!.id, observer.user!.email))
    expect(await bodies(observer, conversationId)).toEqual([expect.stringMatching(/^Enrolled in /), 'Shared progress'])
    expect(data(await observer.get<ConversationSummary[]>('/api/conversations'))).toMatchObject([{ id: conversationId, readerRole: 'observer', lastMessage: { preview: 'Shared progress' } }])

    data(await unlink(instructor, student.user!.id, observer.user!.id))
    expect((await observer.get(`/api/conversations/${conversationId}/messages`)).status).toBe(404)
    expect(data(await observer.get<ConversationSummary[]>('/api/conversations'))).toEqual([])
  })

  it('tells a newly linked observer\'s sockets that a conversation appeared, and the instructor\'s other tabs that the list changed', async () => {
    const { instructor, student, conversationId } = await conversationPair()
    const observer = await observerAccount()
    const [observerTab, instructorTab] = await Promise.all([socketOf(observer, userChannel(observer.user!.id)), socketOf(instructor, userChannel(instructor.user!.id))])
    data(await link(instructor, student.user!.id, observer.user!.email))
    expect(await observerTab.next(isEvent('conversation-touched'))).toMatchObject({ event: { conversationId } })
    expect(await instructorTab.next(isEvent('observers-changed'))).toMatchObject({ event: { studentId: student.user!.id } })
  })

  it('stops socket delivery the moment an observer is unlinked, and refuses a new subscription', async () => {
    const { instructor, student, conversationId } = await conversationPair()
    const observer = await observerAccount()
    data(await link(instructor, student.user!.id, observer.user!.email))
    const channel = conversationChannel(conversationId)
    const [watcher, studentTab] = await Promise.all([socketOf(observer, channel, userChannel(observer.user!.id)), socketOf(student, channel)])
    const before = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Shared before', access: 'OBSERVERS' }))
    await watcher.next(isEvent('message-created', aboutMessage(before.id)))

    data(await unlink(instructor, student.user!.id, observer.user!.id))
    expect(await watcher.next(m => m.op === 'unsubscribed' && m.channel === channel)).toMatchObject({ reason: 'access-lost' })
    const after = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Shared after', access: 'OBSERVERS' }))
    await studentTab.next(isEvent('message-created', aboutMessage(after.id)))
    expect(await watcher.subscribe(channel)).toMatchObject({ op: 'error', code: 'FORBIDDEN' })
    // Linking again sends this socket an event on its user channel: anything sent before it has arrived.
    const touched = watcher.messages.length
    data(await link(instructor, student.user!.id, observer.user!.email))
    await watcher.next(isEvent('conversation-touched'), 5000, touched)
    expect(eventsAbout(watcher, after.id)).toEqual([])
  })
})

describeWithDatabase('a message\'s visibility', () => {
  async function setting() {
    const pair = await conversationPair()
    const [ada, ben, stranger] = await Promise.all([observerAccount('Ada Parent'), observerAccount('Ben Mentor'), observerAccount('Cy Outsider')])
    for (const observer of [ada, ben]) data(await link(pair.instructor, pair.student.user!.id, observer.user!.email))
    const secret = data(await sendMessage(pair.instructor, pair.conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Kept to us' }))
    return { ...pair, ada, ben, stranger, secret }
  }

  it('grants a private message to one linked observer, shares it with all, and takes it back: each observer reads exactly what they may', async () => {
    const { instructor, student, conversationId, ada, ben, secret } = await setting()
    const sees = async () => Promise.all([ada, ben].map(async o => (await bodies(o, conversationId)).includes('Kept to us')))
    expect(await sees()).toEqual([false, false])
    expect(data(await instructor.get<MessageVisibility>(visibilityOf(secret.id)))).toMatchObject({
      messageId: secret.id, conversationId, access: 'PARTICIPANTS', grantedTo: [], observers: [{ name: 'Ada Parent' }, { name: 'Ben Mentor' }],
    })

    const steps: [{ access: 'PARTICIPANTS' | 'OBSERVERS', grantedTo: string[] }, boolean[]][] = [
      [{ access: 'PARTICIPANTS', grantedTo: [ada.user!.id] }, [true, false]],
      [{ access: 'PARTICIPANTS', grantedTo: [ada.user!.id] }, [true, false]], // the same state again
      [{ access: 'OBSERVERS', grantedTo: [ada.user!.id] }, [true, true]],
      [{ access: 'PARTICIPANTS', grantedTo: [ben.user!.id] }, [false, true]],
      [{ access: 'PARTICIPANTS', grantedTo: [] }, [false, false]],
    ]
    for (const [body, expected] of steps) {
      const saved = data(await setVisibility(instructor, secret.id, body))
      expect(saved).toMatchObject({ access: body.access, grantedTo: body.grantedTo })
      expect(await sees(), JSON.stringify(body)).toEqual(expected)
      // The participants read it whatever its visibility, with its current access; only the
      // instructor learns whom it is granted to.
      const [forStudent] = data(await student.get<MessagePage>(`/api/conversations/${conversationId}/messages?limit=100`)).messages.filter(m => m.id === secret.id)
      expect(forStudent?.access).toBe(body.access)
      expect(forStudent).not.toHaveProperty('grantedTo')
      const [forInstructor] = data(await instructor.get<MessagePage>(`/api/conversations/${conversationId}/messages?limit=100`)).messages.filter(m => m.id === secret.id)
      expect(forInstructor).toMatchObject({ access: body.access, grantedTo: body.grantedTo })
    }

    // A granted message is the observer's last readable one in their list, too.
    data(await setVisibility(instructor, secret.id, { access: 'PARTICIPANTS', grantedTo: [ada.user!.id] }))
    expect(data(await ada.get<ConversationSummary[]>('/api/conversations'))).toMatchObject([{ lastMessage: { preview: 'Kept to us' } }])
    expect(data(await ben.get<ConversationSummary[]>('/api/conversations'))[0]?.lastMessage?.preview).not.toBe('Kept to us')
    // Unlinking takes the grant with it: linked again, Ada starts from what is shared.
    data(await unlink(instructor, student.user!.id, ada.user!.id))
    data(await link(instructor, student.user!.id, ada.user!.email))
    expect(await sees()).toEqual([false, false])
    expect(data(await instructor.get<MessageVisibility>(visibilityOf(secret.id))).grantedTo).toEqual([])
  })

  it('lets only the conversation\'s instructor see or change it, and grants only to observers linked to the pair', async () => {
    const { instructor, student, conversationId, ada, stranger, secret } = await setting()
    const note = data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'My own note' }))
    const callers: [string, ApiClient, number][] = [
      ['the student', student, 403],
      ['a linked observer', ada, 404],
      ['another observer', stranger, 404],
      ['another instructor', await signedUp(), 404],
      ['anonymous', new ApiClient(), 401],
    ]
    for (const [who, client, status] of callers) {
      expect((await client.get(visibilityOf(secret.id))).status, `${who} reads`).toBe(status)
      expect((await setVisibility(client, secret.id, { access: 'OBSERVERS', grantedTo: [] })).status, `${who} changes`).toBe(status)
    }
    expect((await instructor.get(visibilityOf('no-such-message'))).status).toBe(404)

    const refusals: [unknown, number][] = [
      [{ access: 'PARTICIPANTS', grantedTo: [stranger.user!.id] }, 422], // an observer not linked to this student
      [{ access: 'PARTICIPANTS', grantedTo: [student.user!.id] }, 422], // not an observer at all
      [{ access: 'PARTICIPANTS', grantedTo: [ada.user!.id, 'no-such-user'] }, 422],
      [{ access: 'EVERYONE', grantedTo: [] }, 400],
      [{ grantedTo: [] }, 400],
    ]
    for (const [body, status] of refusals) {
      const refused = await setVisibility(instructor, secret.id, body)
      expect(refused.status, JSON.stringify(body)).toBe(status)
      if (status === 422) expect(refused.body).toMatchObject({ error: { fields: { grantedTo: [expect.any(String)] } } })
    }
    expect(await testDb().message.findUnique({ where: { id: secret.id }, select: { access: true, grants: true } })).toEqual({ access: 'PARTICIPANTS', grants: [] })

    // The instructor decides for any message of the conversation, the student's notes included.
    expect(data(await setVisibility(instructor, note.id, { access: 'PARTICIPANTS', grantedTo: [ada.user!.id] }))).toMatchObject({ grantedTo: [ada.user!.id] })
    expect(await bodies(ada, conversationId)).toContain('My own note')
  })

  it('reaches only the observers it becomes visible to, live, and removes it from those who lose it', async () => {
    const { instructor, student, conversationId, ada, ben, secret } = await setting()
    const channel = conversationChannel(conversationId)
    const [adaTab, benTab, studentTab, instructorTab] = await Promise.all([socketOf(ada, channel), socketOf(ben, channel), socketOf(student, channel), socketOf(instructor, channel)])

    data(await setVisibility(instructor, secret.id, { access: 'PARTICIPANTS', grantedTo: [ada.user!.id] }))
    expect(await adaTab.next(isEvent('message-access-changed', aboutMessage(secret.id)))).toMatchObject({ event: { conversationId, message: { id: secret.id, body: 'Kept to us', access: 'PARTICIPANTS' } } })
    expect(await studentTab.next(isEvent('message-access-changed', aboutMessage(secret.id)))).toMatchObject({ event: { message: { access: 'PARTICIPANTS' } } })
    expect(await instructorTab.next(isEvent('message-access-changed', aboutMessage(secret.id)))).toMatchObject({ event: { message: { grantedTo: [ada.user!.id] } } })
    // Whom it is granted to is the instructor's to know, not the student's or the observer's.
    for (const tab of [adaTab, studentTab]) expect(tab.messages.some(m => m.op === 'event' && m.event.type === 'message-access-changed' && 'grantedTo' in m.event.message)).toBe(false)

    data(await setVisibility(instructor, secret.id, { access: 'PARTICIPANTS', grantedTo: [] }))
    expect(await adaTab.next(isEvent('message-hidden', aboutMessage(secret.id)))).toMatchObject({ event: { conversationId, messageId: secret.id } })

    // A shared message both observers receive: everything before it has arrived.
    const sentinel = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'For everyone', access: 'OBSERVERS' }))
    await Promise.all([adaTab, benTab].map(tab => tab.next(isEvent('message-created', aboutMessage(sentinel.id)))))
    expect(eventsAbout(benTab, secret.id)).toEqual([]) // never granted: never told, not even that it exists
    expect(eventsAbout(adaTab, secret.id)).toEqual(['message-access-changed', 'message-hidden'])
    // The student was told of both changes (its access stays "participants"), and never "hidden".
    expect(eventsAbout(studentTab, secret.id)).toEqual(['message-access-changed', 'message-access-changed'])

    // Shared with all observers: Ben receives it now.
    data(await setVisibility(instructor, secret.id, { access: 'OBSERVERS', grantedTo: [] }))
    expect(await benTab.next(isEvent('message-access-changed', aboutMessage(secret.id)))).toMatchObject({ event: { message: { access: 'OBSERVERS' } } })
  })
})
