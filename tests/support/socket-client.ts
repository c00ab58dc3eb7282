// A test's view of the realtime socket: connects with an ApiClient's session and collects
// every server message, so tests can wait for a specific one instead of sleeping.
import WebSocket from 'ws'
import type { ServerMessage } from '../../shared/realtime/protocol'
import type { ApiClient } from './api-client'

export class TestSocket {
  readonly messages: ServerMessage[] = []
  closed?: { code: number, reason: string }
  private waiters: (() => void)[] = []
  /** The handshake's answer: 101 and its headers (which instance took the socket, behind a proxy). */
  upgrade?: { status: number, headers: Record<string, string | string[] | undefined> }

  private constructor(readonly ws: WebSocket) {
    ws.once('upgrade', (response) => {
      this.upgrade = { status: response.statusCode ?? 0, headers: response.headers }
    })
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)))
      this.notify()
    })
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) }
      this.notify()
    })
  }

  static async open(baseURL: string, session?: ApiClient): Promise<TestSocket> {
    const cookie = session?.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
    const ws = new WebSocket(`${baseURL.replace(/^http/, 'ws')}/_ws`, { headers: cookie ? { cookie } : {} })
    const socket = new TestSocket(ws)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    await socket.next(m => m.op === 'ready')
    return socket
  }

  /** The upgrade's HTTP status when the server refuses the socket. */
  static refusal(baseURL: string, headers: Record<string, string> = {}): Promise<number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${baseURL.replace(/^http/, 'ws')}/_ws`, { headers })
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      ws.on('open', () => reject(new Error('the socket was accepted')))
      ws.on('error', () => {})
    })
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  /** Subscribes and resolves with the server's answer to this request ('subscribed' or 'error'). */
  async subscribe(channel: string): Promise<ServerMessage> {
    const from = this.messages.length
    this.send({ op: 'subscribe', channel })
    return this.next(m => 'channel' in m && m.channel === channel && (m.op === 'subscribed' || m.op === 'error'), 5000, from)
  }

  /** Resolves with the first message from index `from` on (received already or coming) that matches. */
  next<T extends ServerMessage>(match: (message: ServerMessage) => boolean, timeoutMs = 5000, from = 0): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.slice(from).find(match)
        if (found) {
          cleanup()
          resolve(found as T)
        }
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`no matching socket message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`))
      }, timeoutMs)
      const cleanup = () => {
        clearTimeout(timer)
        this.waiters = this.waiters.filter(w => w !== check)
      }
      this.waiters.push(check)
      check()
    })
  }

  whenClosed(timeoutMs = 5000): Promise<{ code: number, reason: string }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the socket stayed open')), timeoutMs)
      const check = () => {
        if (this.closed) {
          clearTimeout(timer)
          resolve(this.closed)
        }
      }
      this.waiters.push(check)
      check()
    })
  }

  close(): void {
    this.ws.close()
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter()
  }
}
