// Typing and read receipts over real sockets: who receives them, and who may send them. "Did not
// receive" is checked against a later event every such socket does receive (a message), since
// the bus delivers in order: anything earlier would have arrived first.
import { afterEach, describe, expect, it } from 'vitest'
import { conversationChannel } from '../../shared/realtime/channels'
import type { ServerMessage } from '../../shared/realtime/protocol'
import type { ConversationSummary } from '../../shared/types/conversation'
import type { ApiClient } from '../support/api-client'
import { data, signedUp } from '../support/api-client'
import { conversationPair, linkedObserver, sendMessage } from '../support/conversation-fixtures'
import { describeWithDatabase } from '../support/database'
import { TestSocket } from '../support/socket-client'

const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

async function watching(client: ApiClient, conversationId: string) {
  const socket = await TestSocket.open(client.baseURL, client)
  sockets.push(socket)
  expect(await socket.subscribe(conversationChannel(conversationId))).toMatchObject({ op: 'subscribed' })
  return socket
}

const eventsOf = (socket: TestSocket, type: string) => socket.messages.flatMap(m => (m.op === 'event' && m.event.type === type ? [m.event] : []))
const isEvent = (type: string, match: (event: Record<string, unknown>) => boolean = () => true) =>
  (m: ServerMessage) => m.op === 'event' && m.event.type === type && match(m.event as never)
/** Waits until the socket has this message (the sentinel that proves earlier events were not for it). */
const received = (socket: TestSocket, messageId: string) => socket.next(isEvent('message-created', e => (e.message as { id: string }).id === messageId))

describe('typing', () => {
  it('reaches the other participant with who is typing, not the typist\'s own tabs, at most once a second per socket', async () => {
    const { instructor, student, conversationId } = await conversationPair()
    const [ida, sol, solOtherTab] = await Promise.all([watching(instructor, conversationId), watching(student, conversationId), watching(student, conversationId)])

    sol.send({ op: 'typing', conversationId })
    sol.send({ op: 'typing', conversationId }) // a second keystroke at once: dropped by the server
    const typing = await ida.next(isEvent('typing'))
    expect(typing).toEqual({ op: 'event', event: { type: 'typing', conversationId, userId: student.user!.id, name: 'Sol Student' } })

    const note = data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'Done typing' }))
    await Promise.all([received(ida, note.id), received(sol, note.id), received(solOtherTab, note.id)])
    expect(eventsOf(ida, 'typing')).toHaveLength(1)
    expect(eventsOf(sol, 'typing')).toEqual([])
    expect(eventsOf(solOtherTab, 'typing')).toEqual([])

    // The instructor types back: the student hears it.
    ida.send({ op: 'typing', conversationId })
    expect(await sol.next(isEvent('typing'))).toMatchObject({ event: { userId: instructor.user!.id, name: 'Iris Instructor' } })
  })

  it('is refused, with an answer, in a conversation the socket\'s user is not in, and reaches no one', async () => {
    const { instructor, conversationId } = await conversationPair()
    const ida = await watching(instructor, conversationId)
    const outsider = await TestSocket.open(instructor.baseURL, await signedUp({ role: 'STUDENT' }))
    sockets.push(outsider)
    for (const id of [conversationId, 'no-such-conversation']) {
      outsider.send({ op: 'typing', conversationId: id })
      expect(await outsider.next(m => m.op === 'error' && m.conversationId === id)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(id) })
    }
    outsider.send({ op: 'typing', conversationId: '../../etc' })
    expect(await outsider.next(m => m.op === 'error' && m.code === 'BAD_MESSAGE')).toBeTruthy()
    const reply = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Anyone there?' }))
    await received(ida, reply.id)
    expect(eventsOf(ida, 'typing')).toEqual([])
  })
})

describe('read receipts', () => {
  it('tell the other participant how far one has read, live and in the conversation list', async () => {
    const { instructor, student, conversationId } = await conversationPair()
    const [ida, sol] = await Promise.all([watching(instructor, conversationId), watching(student, conversationId)])
    data(await sendMessage(student, conversationId, { type: 'DAILY_NOTE', body: 'Read me' }))

    const { lastReadAt } = data(await instructor.post<{ lastReadAt: string }>(`/api/conversations/${conversationId}/read`))
    expect(await sol.next(isEvent('conversation-read'))).toEqual({ op: 'event', event: { type: 'conversation-read', conversationId, userId: instructor.user!.id, lastReadAt } })
    // The reader's own tabs hear it too (harmless: it is their own position).
    expect(await ida.next(isEvent('conversation-read'))).toMatchObject({ event: { userId: instructor.user!.id } })

    // A fresh page gets the same from the list.
    const [summary] = data(await student.get<ConversationSummary[]>('/api/conversations'))
    expect(summary!.readState[instructor.user!.id]).toBe(lastReadAt)
  })
})

describeWithDatabase('observers and the live signals of a conversation', () => {
  it('never receive typing or read events, may not signal typing, and see no read state', async () => {
    const pair = await conversationPair()
    const { instructor, student, conversationId } = pair
    const observer = await linkedObserver(pair)
    const [watcher, sol] = await Promise.all([watching(observer, conversationId), watching(student, conversationId)])

    const solTyping = await TestSocket.open(student.baseURL, student)
    sockets.push(solTyping)
    solTyping.send({ op: 'typing', conversationId })
    await instructor.post(`/api/conversations/${conversationId}/read`)
    await sol.next(isEvent('conversation-read'))
    watcher.send({ op: 'typing', conversationId })
    expect(await watcher.next(m => m.op === 'error' && m.conversationId === conversationId)).toMatchObject({ code: 'FORBIDDEN' })

    const shared = data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'For everyone', access: 'OBSERVERS' }))
    await Promise.all([received(watcher, shared.id), received(sol, shared.id)])
    expect(eventsOf(watcher, 'typing')).toEqual([])
    expect(eventsOf(watcher, 'conversation-read')).toEqual([])
    expect(eventsOf(sol, 'typing')).toEqual([]) // the observer's signal reached no one

    const [listed] = data(await observer.get<ConversationSummary[]>('/api/conversations'))
    expect(listed).toMatchObject({ id: conversationId, readerRole: 'observer', readState: {} })
  })
})
