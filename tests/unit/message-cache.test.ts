import { beforeEach, describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/vue-query'
import type { ChatMessage } from '../../shared/types/conversation'
import { flatten, insertMessage } from '../../composables/queries/conversation/cache'
import type { StreamData, StreamPage } from '../../composables/queries/conversation/cache'
import { conversationKeys } from '../../composables/queries/conversation/keys'
import { registerCacheUpdaters } from '../../composables/realtime/cache-updaters'
import { createRealtimeObserver } from '../../composables/realtime/observer'
import type { RealtimeObserver } from '../../composables/realtime/observer'

const message = (id: string, targetDate: string, time = '10:00', extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id, conversationId: 'c1', type: 'DAILY_NOTE', body: id, targetDate, createdAt: `${targetDate}T${time}:00.000Z`,
  sender: { id: 'u1', name: 'Stu', role: 'STUDENT' }, courseId: null, payload: { v: 1 }, access: 'PARTICIPANTS', clientKey: null, attachments: [], reference: null, ...extra,
})
const page = (messages: ChatMessage[], olderCursor: string | null, newerCursor: string | null): StreamPage => ({ messages, olderCursor, newerCursor })
const ids = (data: StreamData | undefined) => flatten(data).map(m => m.id)

// A window around 1 June: loaded from 30 May to 2 June, more on both sides on the server.
const aroundJune = (): StreamData => ({
  pages: [page([message('jun1', '2026-06-01'), message('jun2', '2026-06-02')], 'c-jun1', 'c-jun2'), page([message('may30', '2026-05-30')], 'c-may30', 'c-jun1')],
  pageParams: [{ around: '2026-06-01' }, { before: 'c-jun1' }],
})
// The latest window: 2 and 3 November, older pages on the server.
const latest = (): StreamData => ({
  pages: [page([message('nov2', '2026-11-02'), message('nov3', '2026-11-03')], 'c-nov2', null)],
  pageParams: [{}],
})

describe('a message landing in stream windows', () => {
  it('goes after the newest of a window that reaches the newest', () => {
    expect(ids(insertMessage(latest(), message('new', '2026-11-03', '12:00')))).toEqual(['nov2', 'nov3', 'new'])
  })

  it('waits for "load newer" when it is after a window that stops short of the newest', () => {
    expect(ids(insertMessage(aroundJune(), message('new', '2026-11-03')))).toEqual(['may30', 'jun1', 'jun2'])
  })

  it('takes its place inside the span a window has loaded, back-dated or not', () => {
    expect(ids(insertMessage(aroundJune(), message('jun1b', '2026-06-01', '11:00')))).toEqual(['may30', 'jun1', 'jun1b', 'jun2'])
    expect(ids(insertMessage(latest(), message('nov2b', '2026-11-02', '11:00')))).toEqual(['nov2', 'nov2b', 'nov3'])
  })

  it('waits for "load older" when it is before everything loaded', () => {
    expect(ids(insertMessage(aroundJune(), message('jan', '2026-01-05')))).toEqual(['may30', 'jun1', 'jun2'])
    expect(ids(insertMessage(latest(), message('oct', '2026-10-05')))).toEqual(['nov2', 'nov3'])
  })

  it('replaces our own optimistic message by its clientKey, once', () => {
    const pending = { ...message('pending-k1', '2026-11-03', '12:00', { clientKey: 'k1' }), status: 'sending' as const }
    const stored = message('m1', '2026-11-03', '12:00', { clientKey: 'k1' })
    const data = insertMessage(insertMessage(insertMessage(latest(), pending), stored), stored)
    expect(ids(data)).toEqual(['nov2', 'nov3', 'm1'])
  })
})

describe('message-created events', () => {
  let client: QueryClient
  let observer: RealtimeObserver

  beforeEach(() => {
    client = new QueryClient()
    observer = createRealtimeObserver()
    registerCacheUpdaters(observer, client)
    client.setQueryData(conversationKeys.streamLatest('c1'), latest())
    client.setQueryData(conversationKeys.streamAround('c1', '2026-06-01'), aroundJune())
  })

  it('reach every loaded window of the conversation, each by its own rule', () => {
    const live = message('live', '2026-11-03', '12:00')
    observer.emit('message-created', { type: 'message-created', conversationId: 'c1', message: live })
    expect(ids(client.getQueryData(conversationKeys.streamLatest('c1')))).toEqual(['nov2', 'nov3', 'live'])
    expect(ids(client.getQueryData(conversationKeys.streamAround('c1', '2026-06-01')))).toEqual(['may30', 'jun1', 'jun2'])

    const backDated = message('jun1late', '2026-06-01', '23:00')
    observer.emit('message-created', { type: 'message-created', conversationId: 'c1', message: backDated })
    expect(ids(client.getQueryData(conversationKeys.streamAround('c1', '2026-06-01')))).toEqual(['may30', 'jun1', 'jun1late', 'jun2'])
    expect(ids(client.getQueryData(conversationKeys.streamLatest('c1')))).toEqual(['nov2', 'nov3', 'live'])
  })
})

describe('visibility events', () => {
  let client: QueryClient
  let observer: RealtimeObserver

  beforeEach(() => {
    client = new QueryClient()
    observer = createRealtimeObserver()
    registerCacheUpdaters(observer, client)
    client.setQueryData(conversationKeys.streamLatest('c1'), latest())
    client.setQueryData(conversationKeys.streamAround('c1', '2026-06-01'), aroundJune())
  })

  it('change a held message in place, and bring one not held yet into the windows that cover it', () => {
    observer.emit('message-access-changed', { type: 'message-access-changed', conversationId: 'c1', message: message('nov3', '2026-11-03', '10:00', { access: 'OBSERVERS' }) })
    const held = flatten(client.getQueryData(conversationKeys.streamLatest('c1')))
    expect(held.map(m => [m.id, m.access])).toEqual([['nov2', 'PARTICIPANTS'], ['nov3', 'OBSERVERS']])

    // Shared with me just now: it appears where it belongs, once, as a new message would.
    const shared = message('jun1shared', '2026-06-01', '12:00')
    observer.emit('message-access-changed', { type: 'message-access-changed', conversationId: 'c1', message: shared })
    observer.emit('message-access-changed', { type: 'message-access-changed', conversationId: 'c1', message: shared })
    expect(ids(client.getQueryData(conversationKeys.streamAround('c1', '2026-06-01')))).toEqual(['may30', 'jun1', 'jun1shared', 'jun2'])
    expect(ids(client.getQueryData(conversationKeys.streamLatest('c1')))).toEqual(['nov2', 'nov3'])
  })

  it('take a message that is no longer shared with me out of every window', () => {
    observer.emit('message-hidden', { type: 'message-hidden', conversationId: 'c1', messageId: 'jun1' })
    observer.emit('message-hidden', { type: 'message-hidden', conversationId: 'c1', messageId: 'nov2' })
    expect(ids(client.getQueryData(conversationKeys.streamAround('c1', '2026-06-01')))).toEqual(['may30', 'jun2'])
    expect(ids(client.getQueryData(conversationKeys.streamLatest('c1')))).toEqual(['nov3'])
  })
})
