import { describe, expect, it } from 'vitest'
import { ApiClient, signedUp } from '../support/api-client'
import { expectConsoleError, newPage, visit } from '../support/browser'
import { buildUser } from '../../prisma/seed/factories'

describe('signing in and out in the browser', () => {
  it('shows one clear message for a wrong password and keeps the email', async () => {
    const owner = await signedUp()
    const page = await newPage()
    await visit(page, '/sign-in')
    await page.getByLabel('Email').fill(owner.user!.email)
    await page.getByLabel('Password').fill('definitely-wrong')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('do not match an account')
    expect(await page.getByLabel('Email').inputValue()).toBe(owner.user!.email)
    expect(page.url()).toContain('/sign-in')
  })

  it('keeps the password out of the address when the form is sent before the app has started', async () => {
    // JavaScript off stands for a phone that has the page but not yet the app.
    const page = await newPage(undefined, { javaScriptEnabled: false })
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill('someone@example.com')
    await page.getByLabel('Password').fill('typed-before-hydration')
    const sent = page.waitForRequest(request => new URL(request.url()).pathname === '/sign-in' && request.method() === 'POST')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await sent
    await page.waitForLoadState()
    expect(page.url()).not.toContain('typed-before-hydration')
    expect(new URL(page.url()).search).toBe('')
  })

  it('signs an instructor in to the studio and out again', async () => {
    const owner = await signedUp()
    const page = await newPage()
    await visit(page, '/studio')
    await page.waitForURL(/\/sign-in\?next=(%2F|\/)studio/)
    await page.waitForSelector('html[data-hydrated="true"]')
    await page.getByLabel('Email').fill(owner.user!.email)
    await page.getByLabel('Password').fill(owner.user!.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/studio')
    await page.getByRole('heading', { name: 'Your courses' }).waitFor()
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(owner.user!.name)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/sign-in')
    await visit(page, '/studio')
    await page.waitForURL(/\/sign-in/)
  })

  it('signs up a student, who is kept out of the studio', async () => {
    const student = buildUser({ role: 'STUDENT' })
    const page = await newPage()
    await visit(page, '/sign-up')
    await page.getByText('Student', { exact: true }).click()
    await page.getByLabel('Name').fill(student.name)
    await page.getByLabel('Email').fill(student.email)
    await page.getByLabel('Password').fill(student.password)
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(url => new URL(url).pathname === '/learn')
    await page.getByTestId('signed-in-as').getByText(student.name).waitFor()
    expectConsoleError(/NUXT_E1005/) // Nuxt reports the 403 it renders
    const response = await page.goto('/studio')
    expect(response?.status()).toBe(403)
    expect(await page.textContent('body')).toContain('The course studio is for instructors')
    const client = new ApiClient()
    expect((await client.post('/api/auth/sign-in', { email: student.email, password: student.password })).status).toBe(200)
  })
})
