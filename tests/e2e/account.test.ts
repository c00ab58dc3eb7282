import { describe, expect, it } from 'vitest'
import { ApiClient, data, signedUp } from '../support/api-client'
import { newPage, visit } from '../support/browser'

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'

describe('the account page', () => {
  it('changes the name, shown in the header at once and after a reload', async () => {
    const owner = await signedUp({ role: 'STUDENT' })
    const page = await newPage(owner)
    await visit(page, '/account')
    const name = page.getByLabel('Name', { exact: true })
    expect(await name.inputValue()).toBe(owner.user!.name)
    await name.fill('Grace Hopper')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Your account was saved').waitFor()
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Grace Hopper')
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true)
    await visit(page, '/account')
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Grace Hopper')
    expect(data(await owner.get<{ user: { name: string } }>('/api/account')).user.name).toBe('Grace Hopper')
  })

  it('asks for the password only when the email changes, and saves the new email with it', async () => {
    const owner = await signedUp({ role: 'STUDENT' })
    const page = await newPage(owner)
    await visit(page, '/account')
    const profile = page.getByTestId('account-profile')
    expect(await profile.getByLabel('Your password').count()).toBe(0)
    const fresh = `moved.${Date.now()}@example.test`
    await profile.getByLabel('Email').fill(fresh)
    await profile.getByRole('button', { name: 'Save' }).click()
    await profile.getByText('Enter your current password to change your email').waitFor()
    expect(await profile.getByLabel('Email').inputValue()).toBe(fresh)
    await profile.getByLabel('Your password').fill(owner.user!.password)
    await profile.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Your account was saved').waitFor()
    await profile.getByLabel('Your password').waitFor({ state: 'detached' })
    expect(data(await owner.get<{ user: { email: string } }>('/api/account')).user.email).toBe(fresh)
  })

  it('shows a wrong current password under its field and keeps what was typed', async () => {
    const owner = await signedUp()
    const page = await newPage(owner)
    await visit(page, '/account')
    await page.getByLabel('Current password').fill('not-the-password')
    await page.getByLabel('New password').fill('brand-new-password')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('That is not your current password').waitFor()
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('New password').inputValue()).toBe('brand-new-password')
    // Nothing changed: the old password still signs in.
    expect((await new ApiClient().post('/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password })).status).toBe(200)
  })

  it('lists the signed-in devices and signs another one out', async () => {
    const owner = await signedUp()
    const laptop = new ApiClient()
    data(await laptop.request('POST', '/api/auth/sign-in', { email: owner.user!.email, password: owner.user!.password }, { headers: { 'user-agent': FIREFOX_ON_WINDOWS } }))
    const page = await newPage(owner)
    await visit(page, '/account')
    const rows = page.getByTestId('device-row')
    await expect.poll(() => rows.count()).toBe(2)
    expect(await rows.filter({ hasText: 'This device' }).count()).toBe(1)
    expect(await rows.filter({ hasText: 'Firefox on Windows' }).textContent()).toContain('Last used')
    await page.getByRole('button', { name: 'Sign out Firefox on Windows' }).click()
    await page.getByText('Firefox on Windows was signed out').waitFor()
    await expect.poll(() => rows.count()).toBe(1)
    expect((await laptop.get('/api/auth/me')).status).toBe(401)
    expect((await owner.get('/api/auth/me')).status).toBe(200)
  })

  it('fits a 375 px phone without sideways scrolling, reached from the menu', async () => {
    const owner = await signedUp({ role: 'INSTRUCTOR', name: 'Maximiliana Wolfeschlegelsteinhausen-Bergerdorff' })
    const page = await newPage(owner, { viewport: { width: 375, height: 740 } })
    await visit(page, '/learn')
    await page.getByTestId('menu-button').click()
    await page.getByRole('link', { name: 'Account' }).click()
    await page.waitForURL('**/account')
    await page.getByRole('heading', { name: 'Signed-in devices' }).waitFor()
    await page.getByTestId('device-row').first().waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
