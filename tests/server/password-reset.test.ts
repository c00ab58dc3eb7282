// Password reset by email, end to end through the real SMTP server of the test run: the same
// answer whether or not the email has an account, a single-use link that expires, the new
// password works and the old one does not, every session of the account is signed out.
import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { ApiClient, data, signedUp } from '../support/api-client'
import { describeWithDatabase, testDb } from '../support/database'
import { mailsTo, tokenIn, waitForMail } from '../support/mailbox'

const RESET_PAGE = '/reset-password'
const ask = (email: string) => new ApiClient().post<{ message: string }>('/api/auth/password-reset/request', { email })
const check = (token: string) => new ApiClient().post<{ email: string }>('/api/auth/password-reset/check', { token })
const complete = (token: string, password: string) => new ApiClient().post<{ email: string }>('/api/auth/password-reset/complete', { token, password })
const signIn = (email: string, password: string) => new ApiClient().post('/api/auth/sign-in', { email, password })

async function resetLinkFor(email: string, count = 1): Promise<string> {
  expect((await ask(email)).status).toBe(202)
  return tokenIn(await waitForMail(email, { count }), RESET_PAGE)
}

describeWithDatabase('password reset', () => {
  it('answers the same for an unknown email and sends it no mail, while an account gets a mail with its link', async () => {
    const account = await signedUp()
    const unknown = `nobody-${randomBytes(4).toString('hex')}@example.test`
    const [forUnknown, forAccount] = [await ask(unknown), await ask(account.user!.email.toUpperCase())]
    expect(forUnknown.status).toBe(202)
    expect(forAccount.status).toBe(forUnknown.status)
    expect(forAccount.body).toEqual(forUnknown.body)

    const mail = await waitForMail(account.user!.email)
    expect(mail.subject).toBe('Reset your Lectern password')
    expect(mail.from).toBe('no-reply@lectern.test')
    const link = new URL(mail.text.match(/https?:\/\/\S+/)![0])
    expect(`${link.origin}${link.pathname}`).toBe(`${account.baseURL}${RESET_PAGE}`)
    expect(link.searchParams.get('token')).toMatch(/^[\w-]{43}$/)
    // Only a hash is kept: the token itself is nowhere in the database.
    const rows = await testDb().passwordReset.findMany({ where: { userId: account.user!.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]!.tokenHash).not.toContain(link.searchParams.get('token'))
    // The unknown address's request was made first; by now its mail would have come.
    expect(mailsTo(unknown)).toEqual([])
    expect(await testDb().passwordReset.count({ where: { user: { email: unknown } } })).toBe(0)
  })

  it('builds the link on the site\'s address, never on a Host the requester forged', async () => {
    const account = await signedUp()
    const forger = Object.assign(new ApiClient(), { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } })
    expect((await forger.post('/api/auth/password-reset/request', { email: account.user!.email })).status).toBe(202)
    const link = new URL((await waitForMail(account.user!.email)).text.match(/https?:\/\/\S+/)![0])
    expect(link.origin).toBe(account.baseURL)
  })

  it('sets the new password once: the old password and the used link stop working', async () => {
    const account = await signedUp()
    const token = await resetLinkFor(account.user!.email)
    expect(data(await check(token))).toMatchObject({ email: account.user!.email })

    const done = await complete(token, 'a-brand-new-password')
    expect(done.status).toBe(200)
    expect(data(done)).toEqual({ email: account.user!.email })
    expect((await signIn(account.user!.email, 'a-brand-new-password')).status).toBe(200)
    expect((await signIn(account.user!.email, account.user!.password)).status).toBe(401)

    const again = await complete(token, 'yet-another-password')
    expect(again.status).toBe(422)
    expect(again.body).toMatchObject({ success: false, error: { details: { reason: 'used' } } })
    expect((await check(token)).status).toBe(422)
    expect((await signIn(account.user!.email, 'yet-another-password')).status).toBe(401)
  })

  it('refuses an expired link and an unknown one, and changes nothing', async () => {
    const account = await signedUp()
    const token = await resetLinkFor(account.user!.email)
    await testDb().passwordReset.updateMany({ where: { userId: account.user!.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const before = await testDb().user.findUniqueOrThrow({ where: { id: account.user!.id }, select: { passwordHash: true } })

    const expired = await complete(token, 'a-brand-new-password')
    expect(expired.status).toBe(422)
    expect(expired.body).toMatchObject({ success: false, error: { details: { reason: 'expired' } } })
    expect((await check(token)).status).toBe(422)
    const unknown = await complete(randomBytes(32).toString('base64url'), 'a-brand-new-password')
    expect(unknown.status).toBe(404)

    expect(await testDb().user.findUniqueOrThrow({ where: { id: account.user!.id }, select: { passwordHash: true } })).toEqual(before)
    expect(await testDb().passwordReset.count({ where: { userId: account.user!.id, usedAt: { not: null } } })).toBe(0)
    expect((await signIn(account.user!.email, account.user!.password)).status).toBe(200)
  })

  it('only the newest link works when several were asked for', async () => {
    const account = await signedUp()
    const first = await resetLinkFor(account.user!.email, 1)
    const second = await resetLinkFor(account.user!.email, 2)
    expect(second).not.toBe(first)
    expect((await complete(first, 'a-brand-new-password')).status).toBe(404)
    expect((await complete(second, 'a-brand-new-password')).status).toBe(200)
  })

  it('refuses bad input with 400 and writes nothing', async () => {
    const account = await signedUp()
    const token = await resetLinkFor(account.user!.email)
    const bad: [string, unknown][] = [
      ['/api/auth/password-reset/request', { email: 'not-an-email' }],
      ['/api/auth/password-reset/request', {}],
      ['/api/auth/password-reset/check', { token: 'short' }],
      ['/api/auth/password-reset/check', { token: `${'x'.repeat(40)}/../` }],
      ['/api/auth/password-reset/complete', { token, password: 'short' }],
      ['/api/auth/password-reset/complete', { token }],
      ['/api/auth/password-reset/complete', { token, password: 'x'.repeat(201) }],
    ]
    for (const [path, body] of bad) {
      const answer = await new ApiClient().post(path, body)
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(400)
      expect(answer.body.success).toBe(false)
    }
    expect(await testDb().passwordReset.count({ where: { userId: account.user!.id, usedAt: { not: null } } })).toBe(0)
    expect((await signIn(account.user!.email, account.user!.password)).status).toBe(200)
  })

  it('reset signs out every session of the account', async () => {
    const account = await signedUp()
    const otherDevice = new ApiClient()
    expect((await otherDevice.post('/api/auth/sign-in', { email: account.user!.email, password: account.user!.password })).status).toBe(200)
    expect((await account.get('/api/auth/me')).status).toBe(200)
    expect((await otherDevice.get('/api/auth/me')).status).toBe(200)

    const token = await resetLinkFor(account.user!.email)
    expect((await complete(token, 'a-brand-new-password')).status).toBe(200)
    expect((await account.get('/api/auth/me')).status).toBe(401)
    expect((await otherDevice.get('/api/auth/me')).status).toBe(401)
  })
})
