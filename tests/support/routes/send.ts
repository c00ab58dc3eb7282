// Sends a catalogue request as one caller and reads the answer whatever its protocol: the JSON
// envelope of the API, a file's bytes, the tus protocol, or the socket's handshake and subscription.
import type { ApiClient } from '../api-client'
import { TestSocket } from '../socket-client'

export type Protocol = 'api' | 'file' | 'tus' | 'socket' | 'sitemap'

export interface RouteRequest {
  method: string
  /** The concrete path, query string included. */
  path: string
  /** A JSON body (tus: none). */
  body?: unknown
  /** Extra headers (tus: Upload-Length, Upload-Metadata, Upload-Offset…). */
  headers?: Record<string, string>
  /** Raw bytes for a tus PATCH. */
  bytes?: Buffer
  /** The socket: the channel to subscribe to once connected. */
  channel?: string
}

export interface Answer {
  status: number
  /** The parsed body when it is JSON. */
  json?: unknown
  /** The body as text (bytes of a file as latin1), for the "reveals nothing" check. */
  text: string
  contentType: string
}

/** Who sends: a visitor with (or without) a session, or an internal caller with the bearer token. */
export interface Caller {
  name: string
  client?: ApiClient
  token?: string
}

function headersOf(caller: Caller, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { ...caller.client?.headers, ...extra }
  const cookies = caller.client?.sessionCookies() ?? []
  if (cookies.length) headers.cookie = cookies.map(c => `${c.name}=${c.value}`).join('; ')
  if (caller.token) headers.authorization = `Bearer ${caller.token}`
  return headers
}

export async function send(baseURL: string, caller: Caller, protocol: Protocol, request: RouteRequest): Promise<Answer> {
  if (protocol === 'socket') return sendSocket(baseURL, caller, request)
  const extra: Record<string, string> = { ...request.headers }
  let body: BodyInit | undefined
  if (protocol === 'tus') {
    extra['tus-resumable'] = '1.0.0'
    if (request.bytes) {
      extra['content-type'] = 'application/offset+octet-stream'
      body = new Uint8Array(request.bytes)
    }
  }
  else if (request.body !== undefined) {
    extra['content-type'] ??= 'application/json'
    body = JSON.stringify(request.body)
  }
  const response = await fetch(`${baseURL}${request.path}`, { method: request.method, headers: headersOf(caller, extra), body, redirect: 'manual' })
  const contentType = response.headers.get('content-type') ?? ''
  const raw = Buffer.from(await response.arrayBuffer())
  const text = contentType.includes('json') || contentType.startsWith('text/') ? raw.toString('utf8') : raw.toString('latin1')
  let json: unknown
  if (contentType.includes('json')) {
    try {
      json = JSON.parse(text)
    }
    catch {
      json = undefined
    }
  }
  return { status: response.status, json, text, contentType }
}

/**
 * The socket as a request: a refused handshake answers its HTTP status; an accepted one then
 * subscribes to the owner's channel and answers 200 when subscribed, 403 when the server refused
 * the channel (its `error` message, which is the socket protocol's refusal).
 */
async function sendSocket(baseURL: string, caller: Caller, request: RouteRequest): Promise<Answer> {
  const headers = headersOf(caller)
  if (!caller.client?.sessionCookies().length) {
    const status = await TestSocket.refusal(baseURL, headers)
    return { status, text: '', contentType: '' }
  }
  let socket: TestSocket
  try {
    socket = await TestSocket.open(baseURL, caller.client)
  }
  catch {
    return { status: await TestSocket.refusal(baseURL, headers), text: '', contentType: '' }
  }
  try {
    const answer = await socket.subscribe(request.channel!)
    const text = JSON.stringify(socket.messages)
    return { status: answer.op === 'subscribed' ? 200 : 403, json: answer, text, contentType: 'application/json' }
  }
  finally {
    socket.close()
  }
}
