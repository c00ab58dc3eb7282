// The client side of typing, read receipts and presence: how their events land in the Vue Query
// cache (through the same observer the socket emits on), and how often typing is signalled.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/vue-query'
import type { PresenceMap } from '../../shared/schemas/presence'
import type { ChatMessage, ConversationSummary } from '../../shared/types/conversation'
import { conversationKeys } from '../../composables/queries/conversation/keys'
import { presenceKeys } from '../../composables/queries/presence/keys'
import { TYPING_EXPIRES_MS } from '../../composables/queries/conversation/cache-typing'
import type { TypingData } from '../../composables/queries/conversation/cache-typing'
import { registerCacheUpdaters } from '../../composables/realtime/cache-updaters'
import { createRealtimeObserver } from '../../composables/realtime/observer'
import type { RealtimeObserver } from '../../composables/realtime/observer'
import { createTypingSignal } from '../../composables/realtime/typing-signal'

const person = (id: string, name: string, role: 'STUDENT' | 'INSTRUCTOR') => ({ id, name, role })
const summary = (id: string, readState: Record<string, string> = {}, readerRole: 'participant' | 'observer' = 'participant'): ConversationSummary => ({
  id, student: person('s', 'Sol', 'STUDENT'), instructor: person('i', 'Iris', 'INSTRUCTOR'), other: person('i', 'Iris', 'INSTRUCTOR'),
  lastMessage: null, lastMessageAt: null, unread: 0, readerRole, readState,
})
const message = (senderId: string): ChatMessage => ({
  id: 'm1', conversationId: 'c1', type: 'DAILY_NOTE', body: 'Hi', targetDate: '2026-11-26', createdAt: '2026-11-26T10:00:00.000Z',
  sender: person(senderId, 'Sol', 'STUDENT'), courseId: null, payload: {}, access: 'PARTICIPANTS', clientKey: null, attachments: [], reference: null,
})

describe('typing in the cache', () => {
  let client: QueryClient
  let observer: RealtimeObserver
  let stop: () => void
  beforeEach(() => {
    vi.useFakeTimers()
    client = new QueryClient()
    observer = createRealtimeObserver()
    stop = registerCacheUpdaters(observer, client)
  })
  afterEach(() => {
    stop()
    vi.useRealTimers()
  })
  const typing = () => client.getQueryData<TypingData>(conversationKeys.typing('c1'))
  const signal = () => observer.emit('typing', { type: 'typing', conversationId: 'c1', userId: 's', name: 'Sol' })

  it('shows who is typing, and lets it go by itself after the last signal, not the first', () => {
    signal()
    expect(typing()).toEqual({ s: 'Sol' })
    vi.advanceTimersByTime(TYPING_EXPIRES_MS - 1000)
    signal() // still typing: the clock starts again
    vi.advanceTimersByTime(TYPING_EXPIRES_MS - 1)
    expect(typing()).toEqual({ s: 'Sol' })
    vi.advanceTimersByTime(1)
    expect(typing()).toEqual({})
  })

  it('drops it at once when that person\'s message arrives, and keeps anyone else', () => {
    signal()
    observer.emit('typing', { type: 'typing', conversationId: 'c1', userId: 'i', name: 'Iris' })
    observer.emit('message-created', { type: 'message-created', conversationId: 'c1', message: message('s') })
    expect(typing()).toEqual({ i: 'Iris' })
    vi.advanceTimersByTime(TYPING_EXPIRES_MS)
    expect(typing()).toEqual({})
  })
})

describe('read state in the cache', () => {
  it('moves the reader\'s position forward in the list, never back, and never for an observer\'s row', () => {
    const client = new QueryClient()
    const observer = createRealtimeObserver()
    registerCacheUpdaters(observer, client)
    client.setQueryData(conversationKeys.list(), [summary('c1', { i: '2026-11-26T10:00:00.000Z' }), summary('c2', {}, 'observer')])
    const read = (conversationId: string, lastReadAt: string) => observer.emit('conversation-read', { type: 'conversation-read', conversationId, userId: 'i', lastReadAt })
    read('c1', '2026-11-26T11:00:00.000Z')
    read('c1', '2026-11-26T10:30:00.000Z') // late and older
    read('c2', '2026-11-26T11:00:00.000Z')
    const list = client.getQueryData<ConversationSummary[]>(conversationKeys.list())!
    expect(list.map(c => c.readState)).toEqual([{ i: '2026-11-26T11:00:00.000Z' }, {}])
  })
})

describe('presence in the cache', () => {
  it('updates a loaded map, and makes no map from one event (it would show everyone else offline)', () => {
    const client = new QueryClient()
    const observer = createRealtimeObserver()
    registerCacheUpdaters(observer, client)
    observer.emit('presence-changed', { type: 'presence-changed', userId: 'i', status: 'online' })
    expect(client.getQueryData(presenceKeys.all)).toBeUndefined()
    client.setQueryData<PresenceMap>(presenceKeys.all, { i: 'offline', j: 'online' })
    observer.emit('presence-changed', { type: 'presence-changed', userId: 'i', status: 'away' })
    expect(client.getQueryData(presenceKeys.all)).toEqual({ i: 'away', j: 'online' })
  })
})

describe('the typing signal', () => {
  it('goes on the first keystroke, then at most once per interval; a signal that could not go does not count', () => {
    let now = 0
    let up = true
    const sent: number[] = []
    const keystroke = createTypingSignal(() => {
      if (up) sent.push(now)
      return up
    }, { intervalMs: 2000, now: () => now })
    for (now = 0; now <= 4500; now += 100) keystroke()
    expect(sent).toEqual([0, 2000, 4000])
    up = false
    now = 6000
    keystroke()
    up = true
    now = 6100
    keystroke()
    expect(sent).toEqual([0, 2000, 4000, 6100])
  })
})
