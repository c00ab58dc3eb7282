// Two-step verification (TOTP): turning it on and off from the account, and signing in with a
// code after the password, as JSON and as the form sent without JavaScript; the "no" paths
// (no password step, a forged step, a wrong, reused or guessed code) start no session.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RecoveryCodes, SignInResult, TwoStepSetup, TwoStepStatus } from '../../shared/types/two-step'
import { ApiClient, data, signedUp } from '../support/api-client'
import { databaseUrl, describeWithDatabase, testDb } from '../support/database'
import { linkIn, waitForMail } from '../support/mailbox'
import { appCode, withTwoStep } from '../support/two-step-fixtures'

/** A fresh browser that has typed the account's right password. */
async function pastPassword(account: ApiClient): Promise<ApiClient> {
  const browser = new ApiClient()
  const answer = await browser.post<SignInResult>('/api/auth/sign-in', { email: account.user!.email, password: account.user!.password })
  expect(data(answer)).toEqual({ user: null, twoStep: true })
  return browser
}

const signedIn = async (browser: ApiClient) => (await browser.get('/api/auth/me')).status === 200

describe('two-step verification: turning it on and off', () => {
  it('takes a code from the app and the current password, then answers ten recovery codes once', async () => {
    const account = await signedUp()
    expect(data(await account.get<TwoStepStatus>('/api/account/two-step'))).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 })
    // Confirming before any set-up: nothing to check against.
    expect((await account.post('/api/account/two-step/confirm', { code: '123456', currentPassword: account.user!.password })).status).toBe(409)
    const setup = data(await account.post<TwoStepSetup>('/api/account/two-step/setup'))
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(setup.uri).toBe(`otpauth://totp/Lectern:${encodeURIComponent(account.user!.email)}?issuer=Lectern&secret=${setup.secret}&algorithm=SHA1&digits=6&period=30`)
    // A set-up not confirmed changes nothing at sign-in.
    expect((await new ApiClient().post<SignInResult>('/api/auth/sign-in', { email: account.user!.email, password: account.user!.password })).body).toMatchObject({ data: { twoStep: false } })

    const wrongCode = await account.post('/api/account/two-step/confirm', { code: appCode(setup.secret, 5), currentPassword: account.user!.password })
    expect(wrongCode.status).toBe(400)
    expect(wrongCode.body).toMatchObject({ error: { fields: { code: [expect.stringContaining('not the one your app shows')] } } })
    const wrongPassword = await account.post('/api/account/two-step/confirm', { code: appCode(setup.secret), currentPassword: 'not-my-password' })
    expect(wrongPassword.body).toMatchObject({ error: { fields: { currentPassword: ['That is not your current password'] } } })
    expect(data(await account.get<TwoStepStatus>('/api/account/two-step')).enabled).toBe(false)

    const { codes } = data(await account.post<RecoveryCodes>('/api/account/two-step/confirm', { code: appCode(setup.secret), currentPassword: account.user!.password }))
    expect(codes).toHaveLength(10)
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/)
    expect(new Set(codes).size).toBe(10)
    expect(data(await account.get<TwoStepStatus>('/api/account/two-step'))).toMatchObject({ enabled: true, recoveryCodesLeft: 10 })
    // Only hashes are kept.
    const stored = await testDb().recoveryCode.findMany({ where: { userId: account.user!.id } })
    expect(stored.map(r => r.codeHash)).not.toContain(codes[0])
    // Set up again while on: refused, the secret unchanged.
    expect((await account.post('/api/account/two-step/setup')).status).toBe(409)
    // The owner hears of it, with a link to the account page, in case it was not them.
    const mail = await waitForMail(account.user!.email)
    expect(mail.subject).toBe('Two-step verification is on')
    expect(linkIn(mail, '/account')).toBeTruthy()
  })

  it('turns off only with the current password, and the recovery codes go with it', async () => {
    const account = await signedUp()
    const { codes } = await withTwoStep(account)
    const wrong = await account.post('/api/account/two-step/turn-off', { currentPassword: 'not-my-password' })
    expect(wrong.status).toBe(400)
    expect(data(await account.get<TwoStepStatus>('/api/account/two-step')).enabled).toBe(true)
    expect(data(await account.post<TwoStepStatus>('/api/account/two-step/turn-off', { currentPassword: account.user!.password }))).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 })
    expect(await testDb().recoveryCode.count({ where: { userId: account.user!.id } })).toBe(0)
    expect((await waitForMail(account.user!.email, { count: 2 })).subject).toBe('Two-step verification is off')
    const browser = new ApiClient()
    expect(data(await browser.post<SignInResult>('/api/auth/sign-in', { email: account.user!.email, password: account.user!.password })).twoStep).toBe(false)
    expect(await signedIn(browser)).toBe(true)
    expect(codes).toHaveLength(10)
  })

  it('makes new recovery codes with the current password; the old ones stop working', async () => {
    const account = await signedUp()
    const { codes: old } = await withTwoStep(account)
    expect((await account.post('/api/account/two-step/recovery-codes', { currentPassword: 'nope-nope-nope' })).status).toBe(400)
    const { codes } = data(await account.post<RecoveryCodes>('/api/account/two-step/recovery-codes', { currentPassword: account.user!.password }))
    expect(codes.filter(c => old.includes(c))).toEqual([])
    expect((await waitForMail(account.user!.email, { count: 2 })).subject).toBe('New recovery codes for your Lectern account')
    const browser = await pastPassword(account)
    expect((await browser.post('/api/auth/two-step', { code: old[0] })).status).toBe(400)
    expect((await browser.post('/api/auth/two-step', { code: codes[0] })).status).toBe(200)
  })

  it('refuses every account route without a session, and bad input with a field error', async () => {
    const nobody = new ApiClient()
    for (const path of ['/api/account/two-step/setup', '/api/account/two-step/confirm', '/api/account/two-step/turn-off', '/api/account/two-step/recovery-codes'])
      expect((await nobody.post(path, { code: '123456', currentPassword: 'x' })).status, path).toBe(401)
    expect((await nobody.get('/api/account/two-step')).status).toBe(401)
    const account = await signedUp()
    await account.post('/api/account/two-step/setup')
    const bad = await account.post('/api/account/two-step/confirm', { code: 'abc', currentPassword: '' })
    expect(bad.status).toBe(400)
    expect(Object.keys((bad.body as { error: { fields: object } }).error.fields).sort()).toEqual(['code', 'currentPassword'])
  })
})

describe('two-step verification: signing in', () => {
  it('starts no session after the password, and one after the right code; the code works once', async () => {
    const account = await signedUp()
    const { secret } = await withTwoStep(account)
    const browser = await pastPassword(account)
    expect(await signedIn(browser)).toBe(false)
    expect((await browser.get('/api/account')).status).toBe(401)

    const wrong = await browser.post('/api/auth/two-step', { code: appCode(secret, 10) })
    expect(wrong.status).toBe(400)
    expect(wrong.body).toMatchObject({ error: { code: 'VALIDATION', fields: { code: [expect.any(String)] } } })
    expect(await signedIn(browser)).toBe(false)

    const code = appCode(secret)
    expect(data(await browser.post<{ user: { email: string } }>('/api/auth/two-step', { code })).user.email).toBe(account.user!.email)
    expect(await signedIn(browser)).toBe(true)
    // The step is over: the same browser cannot use it again.
    expect((await browser.post('/api/auth/two-step', { code: appCode(secret, 1) })).status).toBe(401)

    // Seen over a shoulder: the same code, with the password, in another browser.
    const thief = await pastPassword(account)
    expect((await thief.post('/api/auth/two-step', { code })).status).toBe(400)
    expect(await signedIn(thief)).toBe(false)
    // The app's next code is fine.
    expect((await thief.post('/api/auth/two-step', { code: appCode(secret, 1) })).status).toBe(200)
  })

  it('takes a recovery code once, typed any way (capitals, spaces, no dash)', async () => {
    const account = await signedUp()
    const { codes } = await withTwoStep(account)
    const typed = ` ${codes[3]!.replace('-', ' ').toUpperCase()} `
    expect((await (await pastPassword(account)).post('/api/auth/two-step', { code: typed })).status).toBe(200)
    expect((await (await pastPassword(account)).post('/api/auth/two-step', { code: codes[3] })).status).toBe(400)
    expect(data(await account.get<TwoStepStatus>('/api/account/two-step')).recoveryCodesLeft).toBe(9)
    const mail = await waitForMail(account.user!.email, { count: 2 })
    expect([mail.subject, mail.text]).toEqual(['A recovery code was used to sign in', expect.stringContaining('9 recovery codes are left')])
  })

  it('refuses a code without the password step, with a made-up step, or for another account', async () => {
    const account = await signedUp()
    const { secret } = await withTwoStep(account)
    const stranger = new ApiClient()
    const noStep = await stranger.post('/api/auth/two-step', { code: appCode(secret) })
    expect(noStep.status).toBe(401)
    expect(noStep.body).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } })
    // A step cookie for this account, edited to name another one (the signature no longer fits).
    const other = await signedUp()
    const { secret: otherSecret } = await withTwoStep(other)
    const browser = await pastPassword(account)
    const cookie = browser.sessionCookies().find(c => c.name === 'lectern-two-step')!
    const forged = new ApiClient()
    const edited = `${other.user!.id}.${cookie.value.split('.').slice(1).join('.')}`
    const answer = await forged.request('POST', '/api/auth/two-step', { code: appCode(otherSecret) }, { headers: { cookie: `lectern-two-step=${edited}` } })
    expect(answer.status).toBe(401)
    expect(await signedIn(forged)).toBe(false)
    // The account's own step takes only the account's own codes.
    expect((await browser.post('/api/auth/two-step', { code: appCode(otherSecret) })).status).toBe(400)
  })

  it('slows guessing down as for passwords: after five wrong codes even the right one must wait', async () => {
    const account = await signedUp()
    const { secret } = await withTwoStep(account)
    const guesser = await pastPassword(account)
    const right = appCode(secret)
    for (let i = 0; i < 5; i++) {
      const guess = String((Number(right) + 1 + i * 7919) % 1_000_000).padStart(6, '0')
      expect((await guesser.post('/api/auth/two-step', { code: guess })).status).toBe(400)
    }
    const waited = await guesser.post('/api/auth/two-step', { code: right })
    expect(waited.status).toBe(429)
    expect(await signedIn(guesser)).toBe(false)
    // A right password does not reset the count while the code is still to come.
    expect((await new ApiClient().post('/api/auth/sign-in', { email: account.user!.email, password: account.user!.password })).status).toBe(429)
  })

  it('works as forms without JavaScript: password, then code, each answered with a redirect', async () => {
    const account = await signedUp()
    const { secret } = await withTwoStep(account)
    const browser = new ApiClient()
    const password = await rawForm(browser, '/api/auth/sign-in', { email: account.user!.email, password: account.user!.password, next: '/learn' })
    expect(password.status).toBe(303)
    expect(password.location).toBe('/sign-in/two-step?next=%2Flearn')
    expect(await signedIn(browser)).toBe(false)
    const wrong = await rawForm(browser, '/api/auth/two-step', { code: appCode(secret, 10), next: '/learn' })
    expect(wrong.location).toBe('/sign-in/two-step?error=VALIDATION&next=%2Flearn')
    const right = await rawForm(browser, '/api/auth/two-step', { code: appCode(secret), next: '/learn' })
    expect(right.location).toBe('/learn')
    expect(await signedIn(browser)).toBe(true)
    // Without the password step: back to it, saying why.
    const late = await rawForm(new ApiClient(), '/api/auth/two-step', { code: appCode(secret, 1) })
    expect(late.location).toBe('/sign-in?error=TWO_STEP_EXPIRED')
  })
})

/** Posts a form as a browser without JavaScript does; the redirect is not followed. */
async function rawForm(browser: ApiClient, path: string, fields: Record<string, string>): Promise<{ status: number, location: string | null }> {
  const cookie = browser.sessionCookies().map(c => `${c.name}=${c.value}`).join('; ')
  const response = await fetch(`${browser.baseURL}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'origin': browser.baseURL, ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  })
  browser.absorbCookies(response.headers)
  return { status: response.status, location: response.headers.get('location') }
}

describeWithDatabase('npm run account:two-step-off, for someone who lost the phone and the codes', () => {
  const root = resolve(import.meta.dirname, '../..')
  const run = (email: string) => spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/account/two-step-off.ts', email], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl! }, encoding: 'utf8' })

  it('turns it off, deletes the recovery codes and signs the account out everywhere', async () => {
    const account = await signedUp()
    await withTwoStep(account)
    const done = run(account.user!.email.toUpperCase())
    expect(done.status).toBe(0)
    expect(done.stdout).toContain(`two-step verification is off for ${account.user!.email}: 10 recovery code(s) deleted, 1 session(s) signed out`)
    expect(await signedIn(account)).toBe(false)
    const browser = new ApiClient()
    expect(data(await browser.post<SignInResult>('/api/auth/sign-in', { email: account.user!.email, password: account.user!.password })).twoStep).toBe(false)
    expect(await signedIn(browser)).toBe(true)
    expect(run(account.user!.email).stdout).toContain('already off')
    const unknown = run('nobody-here@example.test')
    expect([unknown.status, unknown.stderr.trim()]).toEqual([1, 'no account has the email nobody-here@example.test'])
  }, 60_000)
})
