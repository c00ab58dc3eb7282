// The abuse limits against instances of their own, started with small limits and a trusted proxy
// (LECTERN_TRUSTED_PROXIES=127.0.0.1), so each visitor here gets its own address through
// X-Forwarded-For; the shared test server runs with the per-address limits off (every test client
// comes from 127.0.0.1). Two instances sharing Redis must agree on every count.
import { mkdtempSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { buildUser } from '../../prisma/seed/factories'
import { createMediaFile } from '../../prisma/seed/media-factories'
import { ApiClient, signedUp } from '../support/api-client'
import { conversationPair, sendMessage } from '../support/conversation-fixtures'
import { describeWithDatabase, testDb } from '../support/database'
import { createUpload } from '../support/tus-client'
import { startServer } from '../support/server-process'
import type { RunningServer } from '../support/server-process'

const root = resolve(import.meta.dirname, '../..')
const redisUrl = inject('redisUrl')
let scratch: string
let first: RunningServer
let second: RunningServer | undefined

/** A made-up client address (the documentation range 2001:db8::/32), new for each call and each run. */
const uniqueAddress = () => `2001:db8:${randomBytes(8).toString('hex').match(/.{4}/g)!.join(':')}`
const visitorFrom = (ip: string, server = first) => Object.assign(new ApiClient(), { baseURL: server.url, headers: { 'x-forwarded-for': ip } })

describeWithDatabase('abuse limits', () => {
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'lectern-limits-'))
    const env = (name: string) => ({
      NUXT_SESSION_PASSWORD: inject('sessionPassword'),
      DATABASE_URL: inject('databaseUrl')!,
      REDIS_URL: redisUrl ?? '',
      LECTERN_DATA_DIR: join(scratch, name),
      LECTERN_STORAGE_DIR: inject('storageDir'),
      LECTERN_INTERNAL_TOKEN: randomBytes(8).toString('hex'),
      LECTERN_TRUSTED_PROXIES: '127.0.0.1',
      LECTERN_LIMIT_SIGN_UP: '3/1h',
      LECTERN_LIMIT_SIGN_IN_ADDRESS: '6/15m',
      LECTERN_LIMIT_MESSAGES: '3/1m',
      LECTERN_LIMIT_UPLOADS: '2/10m',
      LECTERN_LIMIT_BULK: '2/1m',
      LECTERN_LIMIT_KEYED_WRITES: '2/1m',
    })
    ;[first, second] = await Promise.all([startServer(root, env('a')), redisUrl ? startServer(root, env('b')) : Promise.resolve(undefined)])
  })
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()])
    rmSync(scratch, { recursive: true, force: true })
  })

  const signUp = (client: ApiClient) => client.post('/api/auth/sign-up', { ...buildUser(), role: 'STUDENT' })
  const accounts = (email: string) => testDb().user.count({ where: { email } })

  it('refuses a fourth sign-up from one address with 429, Retry-After and the envelope, and creates no account', async () => {
    const ip = uniqueAddress()
    for (let i = 1; i <= 3; i++) expect((await signUp(visitorFrom(ip))).status, `sign-up ${i}`).toBe(201)
    const user = buildUser()
    const refused = await visitorFrom(ip).post('/api/auth/sign-up', { ...user, role: 'STUDENT' })
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ success: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/Try again in \d+ minutes/), details: { retryAfter: expect.any(Number) } } })
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000)
    expect(await accounts(user.email.toLowerCase())).toBe(0)
    // Another address is another count.
    expect((await signUp(visitorFrom(uniqueAddress()))).status).toBe(201)
  })

  it('counts a request to the address our proxy saw, whatever the client wrote before it', async () => {
    const ip = uniqueAddress()
    // Each try claims a new address on the left; the proxy's own entry (the rightmost) is what counts.
    const spoofing = () => Object.assign(new ApiClient(), { baseURL: first.url, headers: { 'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.0.1, ${ip}` } })
    for (let i = 1; i <= 3; i++) expect((await signUp(spoofing())).status).toBe(201)
    expect((await signUp(spoofing())).status).toBe(429)
  })

  it('stops one address guessing many accounts, while another address signs in', async () => {
    const ip = uniqueAddress()
    for (let i = 1; i <= 6; i++) {
      const answer = await visitorFrom(ip).post('/api/auth/sign-in', { email: buildUser().email, password: 'guess' })
      expect(answer.status, `guess ${i}`).toBe(401)
    }
    const owner = await signedUp()
    const blocked = await visitorFrom(ip).post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password })
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } })
    expect((await visitorFrom(uniqueAddress()).post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password })).status).toBe(200)
  })

  it('refuses a user\'s fourth message in a minute and stores only three', async () => {
    const pair = await conversationPair()
    pair.student.baseURL = first.url
    for (let i = 1; i <= 3; i++) expect((await sendMessage(pair.student, pair.conversationId, { type: 'DAILY_NOTE', body: `note ${i}` })).status).toBe(201)
    const refused = await sendMessage(pair.student, pair.conversationId, { type: 'DAILY_NOTE', body: 'note 4' })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await testDb().message.count({ where: { conversationId: pair.conversationId, senderId: pair.student.user!.id } })).toBe(3)
    // Their instructor has a count of their own.
    pair.instructor.baseURL = first.url
    expect((await sendMessage(pair.instructor, pair.conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Thanks' })).status).toBe(201)
  })

  it('refuses a third upload started in the window, with retryAfter in the tus answer, and makes no file', async () => {
    const owner = await signedUp({ role: 'INSTRUCTOR' })
    owner.baseURL = first.url
    const start = () => createUpload(owner, { size: 10, metadata: { filename: 'notes.pdf', filetype: 'application/pdf', target: 'library' } })
    expect((await start()).status).toBe(201)
    expect((await start()).status).toBe(201)
    const refused = await start()
    expect(refused.status).toBe(429)
    expect(JSON.parse(refused.body)).toMatchObject({ success: false, error: { code: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } } })
    expect(await testDb().mediaFile.count({ where: { ownerId: owner.user!.id } })).toBe(2)
  })

  it('refuses a third bulk action in a minute and changes nothing', async () => {
    const owner = await signedUp({ role: 'INSTRUCTOR' })
    owner.baseURL = first.url
    const kept = await createMediaFile(testDb(), owner.user!.id)
    const bulk = (ids: string[]) => owner.post('/api/media/bulk', { action: 'trash', ids })
    expect((await bulk(['no-such-file'])).status).toBe(200)
    expect((await bulk(['no-such-file'])).status).toBe(200)
    expect((await bulk([kept.id])).status).toBe(429)
    expect(await testDb().mediaFile.findUnique({ where: { id: kept.id }, select: { deletedAt: true } })).toEqual({ deletedAt: null })
  })

  it('refuses a third write with an idempotency key in a minute, keeping nothing for it', async () => {
    const owner = await signedUp({ role: 'INSTRUCTOR' })
    owner.baseURL = first.url
    const course = (await owner.post<{ id: string }>('/api/courses', { title: 'Keyed', category: 'Design' })).body
    const courseId = course.success ? course.data.id : ''
    const add = (title: string) => owner.request('POST', `/api/courses/${courseId}/chapters`, { title }, { headers: { 'idempotency-key': randomBytes(12).toString('hex') } })
    expect((await add('One')).status).toBe(201)
    expect((await add('Two')).status).toBe(201)
    const refused = await add('Three')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(refused.body).toMatchObject({ success: false, error: { code: 'RATE_LIMITED' } })
    expect(await testDb().chapter.count({ where: { courseId } })).toBe(2)
    expect(await testDb().idempotentRequest.count({ where: { userId: owner.user!.id } })).toBe(2)
  })

  it('keeps one count across instances that share Redis', async ({ skip }) => {
    if (!second) return skip('needs Redis on this machine: two instances agree through it')
    const ip = uniqueAddress()
    expect((await signUp(visitorFrom(ip, first))).status).toBe(201)
    expect((await signUp(visitorFrom(ip, second))).status).toBe(201)
    expect((await signUp(visitorFrom(ip, first))).status).toBe(201)
    expect((await signUp(visitorFrom(ip, second))).status).toBe(429)
  })
})
