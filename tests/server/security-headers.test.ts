// Security headers on every kind of answer, the cross-site check on every kind of change (JSON,
// body-less, DELETE, the upload protocol, sign-out, the socket), and uploaded pages never shown
// from this site's origin. Each refusal is shown to have written nothing.
import { randomUUID } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'
import WebSocket from 'ws'
import type { Course } from '../../shared/types/course'
import { ApiClient, data, signedUp } from '../support/api-client'
import type { ApiResult } from '../support/api-client'
import { publishedCourse } from '../support/catalog-fixtures'
import { describeWithDatabase, testDb } from '../support/database'
import { TestSocket } from '../support/socket-client'
import { createUpload, headOffset, patchChunk, sendAll, tusHeaders } from '../support/tus-client'

const baseURL = inject('baseURL')
const FOREIGN = 'https://attacker.example'
const foreign = { origin: FOREIGN }
const CROSS_SITE = { success: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/another site/) } }

/** Headers every answer carries, whatever it is. */
function expectCommonHeaders(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(headers.get('x-frame-options')).toBe('DENY')
  // The built server sends HSTS (ignored by browsers on plain http, so harmless here).
  expect(headers.get('strict-transport-security')).toMatch(/^max-age=31536000/)
  expect(headers.get('x-powered-by')).toBeNull()
  // No cross-origin isolation: it would block media from another origin (an object store).
  expect(headers.get('cross-origin-embedder-policy')).toBeNull()
  expect(headers.get('cross-origin-resource-policy')).toBeNull()
}

/** The upload protocol's metadata header: comma-separated `key base64(value)` pairs. */
const tusMetadata = (metadata: Record<string, string>) =>
  Object.entries(metadata).map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`).join(',')

const send = (client: ApiClient, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult> =>
  client.request(method, path, body, { headers })

describe('security headers', () => {
  it('sends a nonce-based Content-Security-Policy and the other headers with a page', async () => {
    // Sign-up runs the app: its scripts must all carry the nonce (a visitor's sign-in has none of them).
    const response = await fetch(`${baseURL}/sign-up`)
    expect(response.status).toBe(200)
    expectCommonHeaders(response.headers)
    const policy = response.headers.get('content-security-policy')!
    const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1]
    expect(nonce).toBeTruthy()
    expect(policy).toContain('frame-ancestors \'none\'')
    expect(policy).toContain('object-src \'none\'')
    expect(policy).toContain('base-uri \'none\'')
    expect(policy).toMatch(/script-src 'self' 'strict-dynamic' 'nonce-/)
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(response.headers.get('permissions-policy')).toContain('camera=()')
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(2)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    // Each render gets its own nonce.
    const again = await fetch(`${baseURL}/sign-up`)
    expect(again.headers.get('content-security-policy')).not.toContain(nonce)
  })

  it('sends them with API answers, a missing page, a missing API route and a static file', async () => {
    for (const path of ['/api/catalog', '/no-such-page-here', '/api/no-such-route', '/favicon.svg']) {
      // As a browser asks: a missing page is then Nuxt's error page, not Nitro's JSON.
      const response = await fetch(`${baseURL}${path}`, { headers: { accept: 'text/html' } })
      expect([200, 404], path).toContain(response.status)
      expectCommonHeaders(response.headers)
      await response.arrayBuffer()
    }
    // The missing page is an HTML page: it has the page policy too.
    const missing = await fetch(`${baseURL}/no-such-page-here`, { headers: { accept: 'text/html' } })
    expect(missing.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'.*'nonce-/)
    await missing.text()
  })

  it('replays the cached page\'s nonce in the policy of an anonymous page-cache hit', async () => {
    const path = `/courses?q=${randomUUID()}`
    const first = await fetch(`${baseURL}${path}`)
    expect(first.headers.get('x-lectern-page-cache')).toBe('miss')
    await first.text()
    // Other test files publish courses meanwhile, and each catalog write empties the cache: ask
    // again until an answer comes from it (a miss keeps the page again).
    let hit: { nonce?: string, html: string } | undefined
    await expect.poll(async () => {
      const response = await fetch(`${baseURL}${path}`)
      const html = await response.text()
      if (response.headers.get('x-lectern-page-cache') === 'hit')
        hit = { nonce: /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)?.[1], html }
      return !!hit
    }, { timeout: 20_000 }).toBe(true)
    expect(hit!.nonce).toBeTruthy()
    expect(hit!.html).toContain(`<script nonce="${hit!.nonce}"`)
    expect(hit!.html.match(/nonce="([^"]+)"/g)!.every(attribute => attribute === `nonce="${hit!.nonce}"`)).toBe(true)
  })
})

describe('changes from another site', () => {
  it('refuses a JSON POST, writing nothing; the same POST from this site or from a non-browser client works', async () => {
    const owner = await signedUp()
    const before = data(await owner.get<Course[]>('/api/courses')).length
    const refused = await send(owner, 'POST', '/api/courses', { title: 'Forged course', category: 'Design' }, foreign)
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual(CROSS_SITE)
    expect((await send(owner, 'POST', '/api/courses', { title: 'Forged course', category: 'Design' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await send(owner, 'POST', '/api/courses', { title: 'Forged course', category: 'Design' }, { 'sec-fetch-site': 'same-site' })).status).toBe(403)
    expect((await send(owner, 'POST', '/api/courses', { title: 'Forged course', category: 'Design' }, { origin: 'null' })).status).toBe(403)
    expect(data(await owner.get<Course[]>('/api/courses'))).toHaveLength(before)

    expect((await send(owner, 'POST', '/api/courses', { title: 'Own course', category: 'Design' }, { origin: baseURL })).status).toBe(201)
    expect((await send(owner, 'POST', '/api/courses', { title: 'Typed address', category: 'Design' }, { 'sec-fetch-site': 'same-origin' })).status).toBe(201)
    expect((await owner.post('/api/courses', { title: 'Script', category: 'Design' })).status).toBe(201)
    expect(data(await owner.get<Course[]>('/api/courses'))).toHaveLength(before + 3)
  })

  it('refuses a forged sign-in even without a cookie (login forgery), and signs in from this site', async () => {
    const account = (await signedUp()).user!
    const visitor = new ApiClient()
    const credentials = { email: account.email, password: account.password }
    const refused = await send(visitor, 'POST', '/api/auth/sign-in', credentials, foreign)
    expect(refused.status).toBe(403)
    expect(refused.headers.getSetCookie()).toEqual([])
    expect((await send(visitor, 'POST', '/api/auth/sign-in', credentials, { origin: baseURL })).status).toBe(200)
  })

  it('refuses a DELETE and a body-less sign-out; the session and the course stay', async () => {
    const owner = await signedUp()
    const course = data(await owner.post<Course>('/api/courses', { title: 'Kept course', category: 'Design' }))
    const deleted = await send(owner, 'DELETE', `/api/courses/${course.id}`, undefined, foreign)
    expect(deleted.status).toBe(403)
    expect(deleted.body).toEqual(CROSS_SITE)
    expect(data(await owner.get<Course>(`/api/courses/${course.id}`)).id).toBe(course.id)

    const signOut = await send(owner, 'POST', '/api/auth/sign-out', undefined, foreign)
    expect(signOut.status).toBe(403)
    expect((await owner.get('/api/auth/me')).status).toBe(200)
    expect((await send(owner, 'POST', '/api/auth/sign-out', undefined, { origin: baseURL })).status).toBe(200)
    expect((await owner.get('/api/auth/me')).status).toBe(401)
  })

  it('lets the internal token through whatever the Origin (it cannot ride on a visitor\'s browser)', async () => {
    const body = { channel: 'course:x', event: { type: 'upload-progress', courseId: 'x', chapterId: 'c', lessonId: 'l', operationId: 'o', data: { progress: 1, bytes: 1, total: 100 } } }
    const auth = `Bearer ${inject('internalToken')}`
    expect((await send(new ApiClient(), 'POST', '/api/internal/broadcast', body, { authorization: auth })).status).toBe(200)
    expect((await send(new ApiClient(), 'POST', '/api/internal/broadcast', body, { authorization: auth, ...foreign })).status).toBe(200)
    expect((await send(new ApiClient(), 'POST', '/api/internal/broadcast', body, { authorization: 'Bearer wrong', ...foreign })).status).toBe(403)
  })

  it('refuses the upload protocol\'s POST, PATCH and DELETE from another site', async () => {
    const owner = await signedUp()
    const bytes = Buffer.from('%PDF-1.4\n%forged\n')
    const metadata = { filename: 'forged.pdf', filetype: 'application/pdf', target: 'library' }
    const forged = await fetch(`${baseURL}/api/uploads`, { method: 'POST', headers: tusHeaders(owner, { 'upload-length': String(bytes.length), 'upload-metadata': tusMetadata(metadata), ...foreign }) })
    expect(forged.status).toBe(403)
    expect(await forged.json()).toEqual(CROSS_SITE)
    expect(forged.headers.get('location')).toBeNull()

    const created = await createUpload(owner, { size: bytes.length, metadata })
    expect(created.status, created.body).toBe(201)
    const patch = await fetch(created.url!, { method: 'PATCH', headers: tusHeaders(owner, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', ...foreign }), body: new Uint8Array(bytes) })
    expect(patch.status).toBe(403)
    expect(await patch.json()).toEqual(CROSS_SITE)
    expect((await headOffset(owner, created.url!)).offset).toBe(0)
    const removed = await fetch(created.url!, { method: 'DELETE', headers: tusHeaders(owner, foreign) })
    expect(removed.status).toBe(403)
    expect((await headOffset(owner, created.url!)).status).toBe(200)
    // From this site the same chunk goes through.
    const own = await patchChunk(owner, created.url!, 0, bytes)
    expect(own.status, own.body).toBe(204)
  })

  it('refuses a socket opened by another site\'s page, and opens one from this site', async () => {
    const owner = await signedUp()
    const cookie = owner.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
    expect(await TestSocket.refusal(baseURL, { cookie, origin: FOREIGN })).toBe(403)
    expect(await TestSocket.refusal(baseURL, { cookie, 'sec-fetch-site': 'cross-site' })).toBe(403)
    const ws = new WebSocket(`${baseURL.replace(/^http/, 'ws')}/_ws`, { headers: { cookie, origin: baseURL } })
    const ready = await new Promise<string>((resolve, reject) => {
      ws.once('message', message => resolve(String(message)))
      ws.once('error', reject)
    })
    expect(JSON.parse(ready)).toMatchObject({ op: 'ready' })
    ws.close()
  })
})

describeWithDatabase('changes from another site write nothing', () => {
  it('a forged enrol (a body-less POST) and a forged upload leave no row', async () => {
    const owner = await signedUp()
    const { course } = await publishedCourse(owner, { lessons: 1, seconds: 2, title: 'Forgery-proof course' })
    const student = await signedUp({ role: 'STUDENT' })
    const refused = await send(student, 'POST', `/api/catalog/${course.slug}/enrol`, undefined, foreign)
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual(CROSS_SITE)
    expect(await testDb().enrollment.count({ where: { courseId: course.id } })).toBe(0)
    expect(await testDb().conversation.count({ where: { studentId: student.user!.id } })).toBe(0)

    const files = await testDb().mediaFile.count({ where: { ownerId: owner.user!.id } })
    const forged = await fetch(`${baseURL}/api/uploads`, { method: 'POST', headers: tusHeaders(owner, { 'upload-length': '10', 'upload-metadata': tusMetadata({ filename: 'x.pdf', filetype: 'application/pdf', target: 'library' }), ...foreign }) })
    expect(forged.status).toBe(403)
    expect(await testDb().mediaFile.count({ where: { ownerId: owner.user!.id } })).toBe(files)

    // The same enrol from this site's page works.
    expect((await send(student, 'POST', `/api/catalog/${course.slug}/enrol`, undefined, { origin: baseURL })).status).toBe(200)
    expect(await testDb().enrollment.count({ where: { courseId: course.id } })).toBe(1)
  })
})

describe('uploaded files', () => {
  async function uploadToLibrary(owner: ApiClient, name: string, type: string, bytes: Buffer) {
    const created = await createUpload(owner, { size: bytes.length, metadata: { filename: name, filetype: type, target: 'library' } })
    expect(created.status, created.body).toBe(201)
    const sent = await sendAll(owner, created.url!, bytes, 64 * 1024)
    expect(sent.status, sent.body).toBe(204)
    return created.mediaId!
  }
  const content = (owner: ApiClient, id: string) =>
    fetch(`${baseURL}/api/media/${id}/content`, { headers: { cookie: owner.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ') } })

  it('sends an uploaded SVG as a download of plain bytes, sandboxed, never as an image of this site', async () => {
    const owner = await signedUp()
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>')
    const id = await uploadToLibrary(owner, 'diagram.svg', 'image/svg+xml', svg)
    const response = await content(owner, id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/octet-stream')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="diagram.svg"/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*; sandbox$/)
    expect(Buffer.from(await response.arrayBuffer()).equals(svg)).toBe(true)
  })

  it('shows a PDF inline, with nosniff and a policy that runs nothing', async () => {
    const owner = await signedUp()
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')
    const id = await uploadToLibrary(owner, 'notes.pdf', 'application/pdf', pdf)
    const response = await content(owner, id)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toMatch(/^inline; /)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain('default-src \'none\'')
    await response.arrayBuffer()
  })
})
