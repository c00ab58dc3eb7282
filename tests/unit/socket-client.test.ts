import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRealtimeObserver } from '../../composables/realtime/observer'
import type { ObserverEvents, RealtimeObserver, SocketStatus } from '../../composables/realtime/observer'
import { RealtimeSocketClient } from '../../composables/realtime/socket-client'

/** A stand-in for the browser's WebSocket: the test plays the server. */
class FakeSocket {
  static all: FakeSocket[] = []
  readyState = 0
  sent: unknown[] = []
  onmessage?: (event: { data: string }) => void
  onclose?: (event: { code: number }) => void
  onerror?: () => void
  constructor(readonly url: string) {
    FakeSocket.all.push(this)
  }

  send(text: string) {
    this.sent.push(JSON.parse(text))
  }

  close(code = 1000) {
    this.readyState = 3
    this.onclose?.({ code })
  }

  // server side
  accept() {
    this.readyState = 1
    this.receive({ op: 'ready', userId: 'u1' })
  }

  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }

  drop(code = 1006) {
    this.readyState = 3
    this.onclose?.({ code })
  }
}

const latest = () => FakeSocket.all.at(-1)!

describe('RealtimeSocketClient', () => {
  let observer: RealtimeObserver
  let statuses: SocketStatus[]
  let client: RealtimeSocketClient

  beforeEach(() => {
    vi.useFakeTimers()
    FakeSocket.all = []
    observer = createRealtimeObserver()
    statuses = []
    observer.on('socket:status', e => statuses.push(e.status))
    client = new RealtimeSocketClient({ url: () => 'ws://test/_ws', observer, WebSocketImpl: FakeSocket as never, random: () => 1 })
  })
  afterEach(() => {
    client.stop()
    vi.useRealTimers()
  })

  it('subscribes to retained channels once open and emits events on the observer', () => {
    client.retain('user:u1')
    client.start()
    latest().accept()
    expect(latest().sent).toEqual([{ op: 'subscribe', channel: 'user:u1' }])
    const seen: ObserverEvents['course-created'][] = []
    observer.on('course-created', e => seen.push(e))
    const event = { type: 'course-created', course: { id: 'c1' } }
    latest().receive({ op: 'event', event })
    expect(seen).toEqual([event])
    expect(statuses).toEqual(['connecting', 'open'])
  })

  it('reconnects with growing back-off, resubscribes, and asks for a resync', () => {
    const resyncs: number[] = []
    observer.on('socket:resync', e => resyncs.push(e.downForMs))
    client.retain('user:u1')
    client.retain('course:c1')
    client.start()
    latest().accept()
    latest().drop()
    expect(client.status).toBe('reconnecting')
    vi.advanceTimersByTime(499)
    expect(FakeSocket.all).toHaveLength(1)
    vi.advanceTimersByTime(1) // 500 ms × 2^0
    expect(FakeSocket.all).toHaveLength(2)
    latest().drop()
    vi.advanceTimersByTime(999)
    expect(FakeSocket.all).toHaveLength(2)
    vi.advanceTimersByTime(1) // 500 ms × 2^1
    latest().accept()
    expect(latest().sent).toEqual([{ op: 'subscribe', channel: 'user:u1' }, { op: 'subscribe', channel: 'course:c1' }])
    expect(resyncs).toEqual([1500])
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open'])
  })

  it('gives the socket up when the browser goes offline, tries nothing while offline, and reconnects at once when it is back online', () => {
    let networkUp = true
    const tab = new RealtimeSocketClient({ url: () => 'ws://test/_ws', observer, WebSocketImpl: FakeSocket as never, random: () => 1, isOnline: () => networkUp })
    tab.retain('user:u1')
    tab.start()
    latest().accept()
    const first = latest()
    networkUp = false
    tab.offline()
    expect(first.readyState).toBe(3)
    expect(tab.status).toBe('reconnecting')
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all).toHaveLength(1) // a try offline could only fail
    networkUp = true
    tab.online()
    expect(FakeSocket.all).toHaveLength(2) // at once
    latest().accept()
    expect(tab.status).toBe('open')
    expect(latest().sent).toContainEqual({ op: 'subscribe', channel: 'user:u1' })
    // A line lost while online is retried with the back-off as before.
    latest().drop()
    vi.advanceTimersByTime(500)
    expect(FakeSocket.all).toHaveLength(3)
    tab.stop()
  })

  it('does not let a retry that was already waiting fire once the browser is offline', () => {
    let networkUp = true
    const tab = new RealtimeSocketClient({ url: () => 'ws://test/_ws', observer, WebSocketImpl: FakeSocket as never, random: () => 1, isOnline: () => networkUp })
    tab.start()
    latest().accept()
    latest().drop() // lost while online: a retry waits 500 ms
    networkUp = false
    tab.offline() // the socket is already gone, the retry is not
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all).toHaveLength(1)
    networkUp = true
    tab.online()
    expect(FakeSocket.all).toHaveLength(2)
    tab.stop()
  })

  it('on a subscription\'s answer, says which data may have missed the channel\'s last event (none when it was quiet)', () => {
    const confirmed: ObserverEvents['channel:subscribed'][] = []
    observer.on('channel:subscribed', e => confirmed.push(e))
    vi.setSystemTime(10_000)
    client.retain('user:u1')
    client.start()
    latest().accept() // subscribes to user:u1 at 10 000
    const release = client.retain('conversation:k1') // open: subscribes at once
    const quiet = client.retain('course:quiet')
    vi.setSystemTime(10_040) // answers after a 40 ms round trip
    latest().receive({ op: 'subscribed', channel: 'user:u1', lastEventAgoMs: 2_000 })
    latest().receive({ op: 'subscribed', channel: 'conversation:k1', lastEventAgoMs: 5 })
    latest().receive({ op: 'subscribed', channel: 'conversation:k1', lastEventAgoMs: 5 }) // a repeat answers nothing asked
    latest().receive({ op: 'subscribed', channel: 'course:quiet', lastEventAgoMs: null })
    release()
    quiet()
    const again = client.retain('course:c1')
    again()
    latest().receive({ op: 'subscribed', channel: 'course:c1', lastEventAgoMs: 1 }) // let go before the answer
    expect(confirmed).toEqual([
      { channel: 'user:u1', staleBefore: 10_040 - 2_000 + 40 },
      { channel: 'conversation:k1', staleBefore: 10_040 - 5 + 40 },
    ])
  })

  it('spreads reconnects with jitter: between half and all of the back-off', () => {
    const jittery = new RealtimeSocketClient({ url: () => 'ws://test', observer, WebSocketImpl: FakeSocket as never, random: () => 0 })
    jittery.start()
    latest().drop()
    vi.advanceTimersByTime(250)
    expect(FakeSocket.all).toHaveLength(2)
    jittery.stop()
  })

  it('stops for good when the server ends the session (4401)', () => {
    client.start()
    latest().accept()
    latest().drop(4401)
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all).toHaveLength(1)
    expect(client.status).toBe('ended')
  })

  it('counts holders: a channel is unsubscribed when the last one lets go', () => {
    client.start()
    latest().accept()
    const first = client.retain('course:c1')
    const second = client.retain('course:c1')
    first()
    first() // releasing twice changes nothing
    expect(latest().sent).toEqual([{ op: 'subscribe', channel: 'course:c1' }])
    second()
    expect(latest().sent.at(-1)).toEqual({ op: 'unsubscribe', channel: 'course:c1' })
  })

  it('forgets channels the server dropped or refused, and tells the observer', () => {
    const dropped: string[] = []
    const refused: string[] = []
    observer.on('channel:dropped', e => dropped.push(e.channel))
    observer.on('channel:refused', e => refused.push(e.channel))
    client.retain('course:gone')
    client.retain('course:theirs')
    client.start()
    latest().accept()
    latest().receive({ op: 'unsubscribed', channel: 'course:gone', reason: 'deleted' })
    latest().receive({ op: 'error', channel: 'course:theirs', code: 'FORBIDDEN', message: 'no' })
    latest().drop()
    vi.advanceTimersByTime(1000)
    latest().accept()
    expect(latest().sent).toEqual([])
    expect(dropped).toEqual(['course:gone'])
    expect(refused).toEqual(['course:theirs'])
  })

  it('tells the server when the tab is hidden, and again after a reconnect; drops typing signals while down', () => {
    client.setVisibility('hidden') // before connecting: said once the socket is ready
    client.start()
    expect(client.signal({ op: 'typing', conversationId: 'c1' })).toBe(false) // not open yet: dropped
    latest().accept()
    expect(latest().sent).toEqual([{ op: 'visibility', state: 'hidden' }])
    client.setVisibility('visible')
    client.setVisibility('visible') // no change, nothing sent
    expect(client.signal({ op: 'typing', conversationId: 'c1' })).toBe(true)
    expect(latest().sent).toEqual([{ op: 'visibility', state: 'hidden' }, { op: 'visibility', state: 'visible' }, { op: 'typing', conversationId: 'c1' }])
    client.setVisibility('hidden')
    latest().drop()
    vi.advanceTimersByTime(1000)
    latest().accept()
    expect(latest().sent).toEqual([{ op: 'visibility', state: 'hidden' }])
  })

  it('says nothing about visibility on connect while the tab is visible (the server assumes it)', () => {
    client.start()
    latest().accept()
    expect(latest().sent).toEqual([])
  })

  it('treats a missing pong as a dead line and reconnects', () => {
    client.start()
    latest().accept()
    vi.advanceTimersByTime(25_000)
    expect(latest().sent).toContainEqual({ op: 'ping' })
    vi.advanceTimersByTime(10_000)
    expect(client.status).toBe('reconnecting')
  })
})
