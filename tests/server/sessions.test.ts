// Server-side sessions: the sealed cookie works only while its Session row lives. Each "no" is
// checked where a stolen cookie would be used: the API, a server-rendered page, an upload chunk
// and the socket.
import { afterEach, describe, expect, it } from 'vitest'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { linkIn, mailsTo, waitForMail } from '../support/mailbox'
import { TestSocket } from '../support/socket-client'
import { createUpload, patchChunk } from '../support/tus-client'
import type { SessionRow } from '../../shared/types/session'

const sockets: TestSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

async function socketFor(client: ApiClient) {
  const socket = await TestSocket.open(client.baseURL, client)
  sockets.push(socket)
  return socket
}

const cookieHeader = (client: ApiClient) => client.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
const meStatus = async (client: ApiClient) => (await client.get('/api/auth/me')).status

/** What pages read as the session (nuxt-auth-utils' endpoint, used while rendering and by the app). */
async function pageSession(client: ApiClient) {
  const response = await fetch(`${client.baseURL}/api/_auth/session`, { headers: { cookie: cookieHeader(client) } })
  return { status: response.status, body: response.ok ? await response.json() as { user?: { name: string, role: string }, secure?: unknown } : null }
}

/** A signed-in page renders for this cookie header (200), or sends the visitor to sign in. */
async function pageStatus(baseURL: string, cookie: string) {
  const response = await fetch(`${baseURL}/learn`, { headers: { cookie }, redirect: 'manual' })
  await response.text()
  return { status: response.status, location: response.headers.get('location') }
}

/**
 * Every place a copied cookie could be used, refused. The cookie header is taken once and sent
 * as is each time (a thief ignores the server's request to drop it).
 */
async function expectRefusedEverywhere(client: ApiClient, uploadUrl?: string) {
  const cookie = cookieHeader(client)
  expect(cookie).toContain('lectern-session=')
  const { baseURL } = client
  const me = await fetch(`${baseURL}/api/auth/me`, { headers: { cookie } })
  expect(me.status).toBe(401)
  expect((await fetch(`${baseURL}/api/_auth/session`, { headers: { cookie } })).status).toBe(401)
  expect(await pageStatus(baseURL, cookie)).toMatchObject({ status: 302, location: expect.stringContaining('/sign-in') })
  expect(await TestSocket.refusal(baseURL, { cookie })).toBe(401)
  if (uploadUrl) {
    const chunk = await fetch(uploadUrl, { method: 'PATCH', headers: { 'cookie': cookie, 'tus-resumable': '1.0.0', 'upload-offset': '5', 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(Buffer.from('12345')) })
    expect(chunk.status).toBe(401)
  }
}

async function secondSession(client: ApiClient): Promise<ApiClient> {
  const other = new ApiClient()
  data(await other.post('/api/auth/sign-in', { email: client.user!.email, password: client.user!.password }))
  other.user = client.user
  return other
}

const sessionsOf = async (client: ApiClient) => data(await client.get<{ sessions: SessionRow[] }>('/api/account/sessions')).sessions

/** A library upload with a first chunk accepted, so the server has a kept ownership verdict for it. */
async function uploadInFlight(owner: ApiClient) {
  const created = await createUpload(owner, { size: 10, metadata: { filename: 'notes.pdf', filetype: 'application/pdf', target: 'library' } })
  expect(created.status).toBe(201)
  expect((await patchChunk(owner, created.url!, 0, Buffer.from('%PDF-'))).status).toBe(204)
  return created.url!
}

describe('sign-out', () => {
  it('ends a copied cookie at once: API, page, upload chunk and socket (an open socket closes)', async () => {
    const owner = await signedUp({ role: 'INSTRUCTOR' })
    const copy = owner.copy()
    const uploadUrl = await uploadInFlight(owner)
    expect(await pageStatus(copy.baseURL, cookieHeader(copy))).toMatchObject({ status: 200 })
    const socket = await socketFor(copy)
    data(await owner.post('/api/auth/sign-out'))
    expect((await socket.whenClosed()).code).toBe(4401)
    await expectRefusedEverywhere(copy, uploadUrl)
  })

  it('refuses sign-out without a session', async () => {
    expect((await new ApiClient().post('/api/auth/sign-out')).status).toBe(401)
  })
})

describe('sign-in', () => {
  it('rotates: the cookie a browser had before signing in never works afterwards', async () => {
    const first = await signedUp()
    const second = await signedUp()
    const browser = first.copy()
    const before = first.copy()
    data(await browser.post('/api/auth/sign-in', { email: second.user!.email, password: second.user!.password }))
    expect(browser.sessionCookies()).not.toEqual(before.sessionCookies())
    expect(data(await browser.get<{ user: { id: string } }>('/api/auth/me')).user.id).toBe(second.user!.id)
    // The replaced cookie is over, and it never became the new account's.
    expect(await meStatus(before)).toBe(401)
    expect(await meStatus(first)).toBe(401)
  })

  it('lists each sign-in as a device with a label from its browser, this one marked', async () => {
    const owner = await signedUp()
    const phone = new ApiClient()
    data(await phone.request('POST', '/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password }, {
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36' },
    }))
    const seen = await sessionsOf(phone)
    expect(seen).toHaveLength(2)
    expect(seen.find(s => s.current)).toMatchObject({ deviceLabel: 'Chrome on Android' })
    expect(seen.filter(s => s.current)).toHaveLength(1)
    // What pages read never carries the session id.
    expect((await pageSession(phone)).body).not.toHaveProperty('secure')
  })
})

describe('devices on the account page', () => {
  it('signs out one other device: its cookie and socket end, this one stays', async () => {
    const owner = await signedUp({ role: 'INSTRUCTOR' })
    const laptop = await secondSession(owner)
    const uploadUrl = await uploadInFlight(laptop)
    const socket = await socketFor(laptop)
    const target = (await sessionsOf(owner)).find(s => !s.current)!
    data(await owner.delete(`/api/account/sessions/${target.id}`))
    expect((await socket.whenClosed()).code).toBe(4401)
    await expectRefusedEverywhere(laptop, uploadUrl)
    expect(await meStatus(owner)).toBe(200)
    expect((await sessionsOf(owner)).map(s => s.current)).toEqual([true])
  })

  it('answers 404 for someone else\'s session and for a missing one, ending nothing', async () => {
    const owner = await signedUp()
    const stranger = await signedUp()
    const [theirs] = await sessionsOf(stranger)
    const refused = await owner.delete(`/api/account/sessions/${theirs!.id}`)
    expect(refused.status).toBe(404)
    expect(refused.body).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } })
    expect((await owner.delete('/api/account/sessions/no-such-session')).status).toBe(404)
    expect((await owner.delete('/api/account/sessions/bad%20id')).status).toBe(400)
    expect(await meStatus(stranger)).toBe(200)
    expect(await sessionsOf(stranger)).toHaveLength(1)
  })

  it('refuses anonymous callers', async () => {
    const anonymous = new ApiClient()
    expect((await anonymous.get('/api/account/sessions')).status).toBe(401)
    expect((await anonymous.post('/api/account/sessions/sign-out-all', { keepCurrent: true })).status).toBe(401)
    expect((await anonymous.delete('/api/account/sessions/anything')).status).toBe(401)
    expect((await anonymous.get('/api/account')).status).toBe(401)
  })

  it('signs out everywhere else, keeping this device', async () => {
    const owner = await signedUp()
    const others = [await secondSession(owner), await secondSession(owner)]
    const socket = await socketFor(others[0]!)
    expect(data(await owner.post<{ signedOut: number }>('/api/account/sessions/sign-out-all', { keepCurrent: true })).signedOut).toBe(2)
    expect((await socket.whenClosed()).code).toBe(4401)
    for (const other of others) await expectRefusedEverywhere(other)
    expect(await meStatus(owner)).toBe(200)
  })

  it('signs out everywhere, this device included', async () => {
    const owner = await signedUp()
    const copy = owner.copy()
    const other = await secondSession(owner)
    expect((await owner.post('/api/account/sessions/sign-out-all', {})).status).toBe(400)
    expect(data(await owner.post<{ signedOut: number }>('/api/account/sessions/sign-out-all', { keepCurrent: false })).signedOut).toBe(2)
    await expectRefusedEverywhere(copy)
    await expectRefusedEverywhere(other)
  })
})

describe('the account', () => {
  it('changes the name, shown at once in what pages read, and refuses a bad one', async () => {
    const owner = await signedUp()
    const updated = data(await owner.patch<{ user: { name: string } }>('/api/account', { name: '  Ada Lovelace ', email: owner.user!.email }))
    expect(updated.user.name).toBe('Ada Lovelace')
    expect((await pageSession(owner)).body?.user?.name).toBe('Ada Lovelace')
    const bad = await owner.patch('/api/account', { name: 'Ann\u202Eevil', email: owner.user!.email })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { fields: { name: [expect.any(String)] } } })
    expect(data(await owner.get<{ user: { name: string } }>('/api/account')).user.name).toBe('Ada Lovelace')
  })

  it('renders a page with the session as it is now: a new name at once, an ended session signed out, a cookie that does not unseal with no new cookie', async () => {
    const owner = await signedUp()
    const page = async (cookie: string) => {
      const response = await fetch(`${owner.baseURL}/courses`, { headers: { cookie } })
      return { html: await response.text(), setCookie: response.headers.getSetCookie() }
    }
    // The first page of a cookie unseals it; later ones read the session on the page's own request.
    expect((await page(cookieHeader(owner))).html).toContain('data-testid="signed-in-as"')
    data(await owner.patch('/api/account', { name: 'Grace Hopper', email: owner.user!.email }))
    const renamed = await page(cookieHeader(owner))
    expect(renamed.html).toContain('Grace Hopper')
    expect(renamed.html).not.toContain('"secure"')

    const forged = await page('lectern-session=Fe26.2**not-a-seal')
    expect(forged.setCookie).toEqual([])
    expect(forged.html).not.toContain('data-testid="signed-in-as"')

    const cookie = cookieHeader(owner)
    data(await owner.post('/api/auth/sign-out'))
    const ended = await page(cookie)
    expect(ended.html).not.toContain('data-testid="signed-in-as"')
    expect(ended.html).not.toContain('Grace Hopper')
  })

  it('changes the email, and refuses one another account has with a field error', async () => {
    const owner = await signedUp()
    const other = await signedUp()
    const taken = await owner.patch('/api/account', { name: 'Someone', email: other.user!.email.toUpperCase(), currentPassword: owner.user!.password })
    expect(taken.status).toBe(409)
    expect(taken.body).toMatchObject({ success: false, error: { code: 'CONFLICT', fields: { email: [expect.stringContaining('Another account')] } } })
    expect(data(await owner.get<{ user: { email: string, name: string } }>('/api/account')).user).toMatchObject({ email: owner.user!.email.toLowerCase(), name: owner.user!.name })
    const fresh = `renamed.${Date.now()}@example.test`
    data(await owner.patch('/api/account', { name: owner.user!.name, email: fresh, currentPassword: owner.user!.password }))
    expect((await new ApiClient().post('/api/auth/sign-in', { email: fresh, password: owner.user!.password })).status).toBe(200)
  })

  it('changes the email only with the current password, so a borrowed signed-in device cannot take the account over', async () => {
    const owner = await signedUp()
    const fresh = `moved.${Date.now()}@example.test`
    const without = await owner.patch('/api/account', { name: owner.user!.name, email: fresh })
    expect(without.status).toBe(400)
    expect(without.body).toMatchObject({ success: false, error: { code: 'VALIDATION', fields: { currentPassword: [expect.stringContaining('current password')] } } })
    const wrong = await owner.patch('/api/account', { name: owner.user!.name, email: fresh, currentPassword: 'not-my-password' })
    expect(wrong.body).toMatchObject({ error: { fields: { currentPassword: ['That is not your current password'] } } })
    expect(data(await owner.get<{ user: { email: string } }>('/api/account')).user.email).toBe(owner.user!.email.toLowerCase())
    // The name alone needs no password.
    expect((await owner.patch('/api/account', { name: 'Only The Name', email: owner.user!.email })).status).toBe(200)
  })
})

describe('password change', () => {
  it('refuses a wrong current password with a field error and changes nothing', async () => {
    const owner = await signedUp()
    const other = await secondSession(owner)
    const wrong = await owner.post('/api/account/password', { currentPassword: 'not-my-password', newPassword: 'a-brand-new-one' })
    expect(wrong.status).toBe(400)
    expect(wrong.body).toMatchObject({ error: { fields: { currentPassword: ['That is not your current password'] } } })
    expect((await owner.post('/api/account/password', { currentPassword: owner.user!.password, newPassword: 'short' })).status).toBe(400)
    const common = await owner.post('/api/account/password', { currentPassword: owner.user!.password, newPassword: 'qwerty123456' })
    expect(common.body).toMatchObject({ error: { code: 'VALIDATION', fields: { newPassword: [expect.stringContaining('most used in leaked password lists')] } } })
    expect(await meStatus(other)).toBe(200)
    expect((await new ApiClient().post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password })).status).toBe(200)
    expect(mailsTo(owner.user!.email)).toEqual([])
  })

  it('signs out every other session (API, page, upload, socket) and keeps this one', async () => {
    const owner = await signedUp({ role: 'INSTRUCTOR' })
    const other = await secondSession(owner)
    const uploadUrl = await uploadInFlight(other)
    const socket = await socketFor(other)
    const changed = data(await owner.post<{ signedOutSessions: number }>('/api/account/password', { currentPassword: owner.user!.password, newPassword: 'a-brand-new-one' }))
    expect(changed.signedOutSessions).toBe(1)
    expect((await socket.whenClosed()).code).toBe(4401)
    await expectRefusedEverywhere(other, uploadUrl)
    expect(await meStatus(owner)).toBe(200)
    expect((await new ApiClient().post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password })).status).toBe(401)
    expect((await new ApiClient().post('/api/auth/sign-in', { email: owner.user!.email, password: 'a-brand-new-one' })).status).toBe(200)
    // The owner hears of it, in case it was not them.
    const notice = await waitForMail(owner.user!.email)
    expect(notice.subject).toBe('Your Lectern password was changed')
    expect(linkIn(notice, '/account')).toBeTruthy()
  })
})

describeWithDatabase('expiry, deleted accounts and changed roles', () => {
  const sessionRow = async (client: ApiClient) => {
    const current = (await sessionsOf(client)).find(s => s.current)!
    return testDb().session.findUniqueOrThrow({ where: { id: current.id } })
  }

  it('writes last use at most once a minute', async () => {
    const owner = await signedUp()
    const row = await sessionRow(owner)
    for (let i = 0; i < 3; i++) expect(await meStatus(owner)).toBe(200)
    expect((await testDb().session.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(row.lastUsedAt)
    const twoMinutesAgo = new Date(Date.now() - 120_000)
    await testDb().session.update({ where: { id: row.id }, data: { lastUsedAt: twoMinutesAgo } })
    expect(await meStatus(owner)).toBe(200)
    const after = await testDb().session.findUniqueOrThrow({ where: { id: row.id } })
    expect(after.lastUsedAt.getTime()).toBeGreaterThan(Date.now() - 60_000)
  })

  it('ends a session left unused past the idle limit (14 days by default)', async () => {
    const owner = await signedUp()
    const row = await sessionRow(owner)
    const copy = owner.copy()
    await testDb().session.update({ where: { id: row.id }, data: { lastUsedAt: new Date(Date.now() - 13 * 86_400_000) } })
    expect(await meStatus(copy)).toBe(200)
    await testDb().session.update({ where: { id: row.id }, data: { lastUsedAt: new Date(Date.now() - 15 * 86_400_000) } })
    await expectRefusedEverywhere(copy)
    expect(await testDb().session.findUnique({ where: { id: row.id } })).toBeNull()
  })

  it('ends a session at its absolute expiry, however recently used', async () => {
    const owner = await signedUp()
    const row = await sessionRow(owner)
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(30 * 86_400_000, -5)
    await testDb().session.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    await expectRefusedEverywhere(owner.copy())
  })

  it('refuses the cookie of a deleted account everywhere', async () => {
    const owner = await signedUp({ role: 'INSTRUCTOR' })
    const created = await createUpload(owner, { size: 10, metadata: { filename: 'notes.pdf', filetype: 'application/pdf', target: 'library' } })
    await testDb().user.delete({ where: { id: owner.user!.id } })
    expect(await testDb().session.count({ where: { userId: owner.user!.id } })).toBe(0)
    await expectRefusedEverywhere(owner, created.url!)
  })

  it('refuses the cookie of a session whose role was changed, everywhere', async () => {
    const owner = await signedUp({ role: 'INSTRUCTOR' })
    const created = await createUpload(owner, { size: 10, metadata: { filename: 'notes.pdf', filetype: 'application/pdf', target: 'library' } })
    await testDb().user.update({ where: { id: owner.user!.id }, data: { role: 'STUDENT' } })
    await expectRefusedEverywhere(owner.copy(), created.url!)
    // Signing in again gives a session for the new role.
    const again = new ApiClient()
    expect(data(await again.post<{ user: { role: string } }>('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password })).user.role).toBe('STUDENT')
    expect((await pageSession(again)).body?.user?.role).toBe('STUDENT')
  })
})
