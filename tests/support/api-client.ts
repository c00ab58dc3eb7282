// A small HTTP client for server tests: one instance is one browser-less visitor with its own
// cookie jar, so a test can be "the owner", "another instructor" and "nobody" at once.
import { inject } from 'vitest'
import { buildUser } from '../../prisma/seed/factories'
import type { UserData } from '../../prisma/seed/factories'
import type { ApiResponse } from '../../shared/types/api'

export interface ApiResult<T = unknown> {
  status: number
  body: ApiResponse<T>
  headers: Headers
}

let defaultBaseURL: string | undefined

/**
 * Points every ApiClient made from now on at another server (a describe block that runs against
 * a second instance, tests/support/stores-under-test.ts); undefined goes back to the shared one.
 */
export function pointClientsAt(baseURL: string | undefined): void {
  defaultBaseURL = baseURL
}

export class ApiClient {
  /** The server this visitor talks to (tests of a second instance point it elsewhere). */
  baseURL = defaultBaseURL ?? inject('baseURL')
  private cookies = new Map<string, string>()
  user?: UserData & { id: string }
  /** Sent with every request: a test behind a trusted proxy gives each visitor its own X-Forwarded-For. */
  headers: Record<string, string> = {}

  async request<T = unknown>(method: string, path: string, body?: unknown, init: { headers?: Record<string, string>, rawBody?: string } = {}): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { ...this.headers, ...init.headers }
    if (this.cookies.size) headers.cookie = this.cookieHeader()
    let payload: string | undefined = init.rawBody
    if (body !== undefined) {
      payload = JSON.stringify(body)
      headers['content-type'] ??= 'application/json'
    }
    const response = await fetch(`${this.baseURL}${path}`, { method, headers, body: payload, redirect: 'manual' })
    this.absorbCookies(response.headers)
    const text = await response.text()
    let parsed: ApiResponse<T>
    try {
      parsed = JSON.parse(text)
    }
    catch {
      throw new Error(`${method} ${path} answered ${response.status} with a non-JSON body: ${text.slice(0, 200)}`)
    }
    return { status: response.status, body: parsed, headers: response.headers }
  }

  get = <T = unknown>(path: string) => this.request<T>('GET', path)
  post = <T = unknown>(path: string, body?: unknown) => this.request<T>('POST', path, body)
  patch = <T = unknown>(path: string, body?: unknown) => this.request<T>('PATCH', path, body)
  delete = <T = unknown>(path: string) => this.request<T>('DELETE', path)

  /** A server-rendered page as this visitor's browser gets it (not followed if it redirects). */
  async page(path: string): Promise<{ status: number, html: string }> {
    const response = await fetch(`${this.baseURL}${path}`, { headers: { ...this.headers, ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}) }, redirect: 'manual' })
    return { status: response.status, html: await response.text() }
  }

  /** Another visitor holding this one's cookies as they are now (a copied cookie). */
  copy(): ApiClient {
    const copy = new ApiClient()
    copy.baseURL = this.baseURL
    copy.cookies = new Map(this.cookies)
    copy.headers = { ...this.headers }
    copy.user = this.user
    return copy
  }

  /** Keeps what an answer's Set-Cookie headers set, and forgets what they clear, as a browser does. */
  absorbCookies(headers: Headers): void {
    for (const cookie of headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const index = pair!.indexOf('=')
      const name = pair!.slice(0, index)
      const value = pair!.slice(index + 1)
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  /** Forgets one cookie (a test of a browser that never had it). */
  dropCookie(name: string): void {
    this.cookies.delete(name)
  }

  private cookieHeader = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')

  /** The cookie header value, to hand this session to a browser context. */
  sessionCookies(): { name: string, value: string }[] {
    return [...this.cookies].map(([name, value]) => ({ name, value }))
  }
}

/** A new account (built by the seed factories), signed up through the API and signed in. */
export async function signedUp(overrides: Partial<UserData> = {}, client = new ApiClient()): Promise<ApiClient> {
  const user = buildUser(overrides)
  // Sign-up offers instructor and student only; an observer is invited (conversation-fixtures'
  // observerAccount / linkedObserver), so an 'OBSERVER' here would quietly be a student.
  if (user.role === 'OBSERVER') throw new Error('signedUp cannot make an observer: use observerAccount() or linkedObserver()')
  const result = await client.post<{ user: { id: string } }>('/api/auth/sign-up', {
    name: user.name,
    email: user.email,
    password: user.password,
    role: user.role,
  })
  if (!result.body.success) throw new Error(`sign-up failed: ${JSON.stringify(result.body)}`)
  client.user = { ...user, id: result.body.data.user.id }
  return client
}

/** Unwraps a successful envelope or fails the test with the server's error. */
export function data<T>(result: ApiResult<T>): T {
  if (!result.body.success) throw new Error(`expected success, got ${result.status}: ${JSON.stringify(result.body.error)}`)
  return result.body.data
}
