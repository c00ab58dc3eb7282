// One WebSocket per tab to /_ws: connects, reconnects with exponential back-off and jitter,
// resubscribes to every retained channel and repeats the tab's visibility after each reconnect,
// and turns each server message into an observer event. It knows nothing of Vue Query or
// components.
import type { TabVisibility } from '#shared/schemas/presence'
import type { RealtimeEvent } from '#shared/realtime/events'
import type { ClientMessage, ServerMessage } from '#shared/realtime/protocol'
import { CLOSE_SESSION_ENDED } from '#shared/realtime/protocol'
import type { RealtimeObserver, SocketStatus } from './observer'

export interface SocketClientOptions {
  url: () => string
  observer: RealtimeObserver
  WebSocketImpl?: typeof WebSocket
  baseDelayMs?: number
  maxDelayMs?: number
  /** A ping goes out this often; no pong within `pongTimeoutMs` means the line is dead. */
  heartbeatMs?: number
  pongTimeoutMs?: number
  random?: () => number
  /** Whether the browser has a network: no reconnecting without one (`online()` resumes). */
  isOnline?: () => boolean
}

const defaultIsOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false

export class RealtimeSocketClient {
  private ws?: WebSocket
  private readonly channels = new Map<string, number>()
  /** Channels asked for and not confirmed yet, with when the subscribe went out. */
  private readonly subscribing = new Map<string, number>()
  private attempt = 0
  // Plain timers: the client is the tab's one socket, started and stopped by the realtime plugin
  // (start/stop), not by a component's effect scope, and it is tested outside Vue.
  private retryTimer?: ReturnType<typeof setTimeout>
  private heartbeatTimer?: ReturnType<typeof setInterval>
  private pongTimer?: ReturnType<typeof setTimeout>
  private downSince?: number
  private running = false
  private visibility: TabVisibility = 'visible'
  status: SocketStatus = 'idle'

  constructor(private readonly options: SocketClientOptions) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.connect('connecting')
  }

  stop(): void {
    this.running = false
    clearTimeout(this.retryTimer)
    this.stopHeartbeat()
    const ws = this.ws
    this.ws = undefined
    ws?.close(1000, 'stopped')
    this.downSince = undefined
    this.setStatus('idle')
  }

  /**
   * The browser says the network is gone (its `offline` event). The socket is given up now: nothing
   * can arrive on it, and the heartbeat would take up to 35 s to notice (a browser's offline mode
   * may even keep it working), while pages must not show anyone as online meanwhile. It connects
   * again on `online()`.
   */
  offline(): void {
    // A retry may be waiting (the socket was already lost): it would only fail now.
    clearTimeout(this.retryTimer)
    const ws = this.ws
    if (!this.running || !ws) return
    this.ws = undefined // its close event, whenever it comes, is no longer this client's
    ws.close(1000, 'offline')
    this.lost(1006)
  }

  /** The browser is back online: connect at once instead of waiting out the back-off. */
  online(): void {
    if (!this.running || this.ws) return
    clearTimeout(this.retryTimer)
    this.attempt = 0
    this.connect('reconnecting')
  }

  /** Keeps a channel subscribed while at least one holder retains it; returns the release. */
  retain(channel: string): () => void {
    const count = this.channels.get(channel) ?? 0
    this.channels.set(channel, count + 1)
    // Before the server's "ready", the ready handler subscribes to every retained channel.
    if (count === 0 && this.status === 'open') this.subscribe(channel)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.channels.get(channel) ?? 1) - 1
      if (left > 0) return void this.channels.set(channel, left)
      this.channels.delete(channel)
      this.subscribing.delete(channel)
      this.sendIfOpen({ op: 'unsubscribe', channel })
    }
  }

  /** This tab's visibility, for presence: told to the server now and after every reconnect. */
  setVisibility(state: TabVisibility): void {
    if (this.visibility === state) return
    this.visibility = state
    this.sendIfOpen({ op: 'visibility', state })
  }

  /**
   * A one-off signal (typing). Sent only while connected: queued for later it would arrive
   * stale, so it is dropped instead. Returns whether it went.
   */
  signal(message: Extract<ClientMessage, { op: 'typing' }>): boolean {
    return this.sendIfOpen(message)
  }

  private connect(status: SocketStatus): void {
    this.setStatus(status)
    const Impl = this.options.WebSocketImpl ?? WebSocket
    const ws = new Impl(this.options.url())
    this.ws = ws
    ws.onmessage = event => this.ws === ws && this.receive(String(event.data))
    ws.onclose = event => this.ws === ws && this.lost(event.code)
    ws.onerror = () => {} // onclose follows and decides
  }

  private receive(text: string): void {
    let message: ServerMessage
    try {
      message = JSON.parse(text)
    }
    catch {
      return
    }
    const { observer } = this.options
    switch (message.op) {
      case 'ready': {
        this.attempt = 0
        for (const channel of this.channels.keys()) this.subscribe(channel)
        // The server counts a new socket as visible; a tab reconnecting in the background says so.
        if (this.visibility !== 'visible') this.sendIfOpen({ op: 'visibility', state: this.visibility })
        this.startHeartbeat()
        const downForMs = this.downSince === undefined ? undefined : Date.now() - this.downSince
        this.downSince = undefined
        this.setStatus('open')
        if (downForMs !== undefined) observer.emit('socket:resync', { downForMs })
        break
      }
      case 'subscribed': {
        const sentAt = this.subscribing.get(message.channel)
        this.subscribing.delete(message.channel)
        if (sentAt === undefined || !this.channels.has(message.channel) || message.lastEventAgoMs == null) break
        // The event went out `lastEventAgoMs` before this answer left the server. Data received up to
        // one round trip after that may still have been read before it, so the line is drawn there.
        const now = Date.now()
        observer.emit('channel:subscribed', { channel: message.channel, staleBefore: now - message.lastEventAgoMs + (now - sentAt) })
        break
      }
      case 'event': {
        const event: RealtimeEvent = message.event
        observer.emit(event.type, event as never)
        break
      }
      case 'unsubscribed':
        if (message.reason !== 'requested') {
          this.channels.delete(message.channel)
          observer.emit('channel:dropped', { channel: message.channel, reason: message.reason })
        }
        break
      case 'error':
        if (message.channel) {
          this.channels.delete(message.channel)
          this.subscribing.delete(message.channel)
          observer.emit('channel:refused', { channel: message.channel, message: message.message })
        }
        break
      case 'pong':
        clearTimeout(this.pongTimer)
        break
    }
  }

  private lost(code: number): void {
    this.ws = undefined
    this.subscribing.clear()
    this.stopHeartbeat()
    if (!this.running) return
    this.downSince ??= Date.now()
    if (code === CLOSE_SESSION_ENDED) {
      this.running = false
      return this.setStatus('ended')
    }
    const base = this.options.baseDelayMs ?? 500
    const max = this.options.maxDelayMs ?? 30_000
    const random = this.options.random ?? Math.random
    // Full back-off grows 0.5 s, 1 s, 2 s … up to 30 s; jitter spreads a server restart's
    // reconnecting clients over time instead of all at once.
    const delay = Math.min(max, base * 2 ** this.attempt) * (0.5 + random() / 2)
    this.attempt++
    this.setStatus('reconnecting')
    // Offline, a try can only fail (and the browser logs each failure): online() connects instead.
    if (!(this.options.isOnline ?? defaultIsOnline)()) return
    this.retryTimer = setTimeout(() => this.running && this.connect('reconnecting'), delay)
  }

  private startHeartbeat(): void {
    this.stopHeartbeat()
    const every = this.options.heartbeatMs ?? 25_000
    this.heartbeatTimer = setInterval(() => {
      this.sendIfOpen({ op: 'ping' })
      clearTimeout(this.pongTimer)
      this.pongTimer = setTimeout(() => this.ws?.close(4000, 'no pong'), this.options.pongTimeoutMs ?? 10_000)
    }, every)
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer)
    clearTimeout(this.pongTimer)
  }

  /**
   * Subscribing takes a round trip, and data shown before the server confirms it may have missed
   * an event published meanwhile (a page loads its data first, then subscribes; a small upload can
   * be processed in between). The server's answer says when the channel's last event went out, and
   * the observer is told which data is older than that.
   */
  private subscribe(channel: string): void {
    if (this.sendIfOpen({ op: 'subscribe', channel })) this.subscribing.set(channel, Date.now())
  }

  private sendIfOpen(message: ClientMessage): boolean {
    if (this.ws?.readyState !== 1) return false
    this.ws.send(JSON.stringify(message))
    return true
  }

  private setStatus(status: SocketStatus): void {
    if (this.status === status) return
    this.status = status
    this.options.observer.emit('socket:status', { status })
  }
}
