import { describe, expect, it } from 'vitest'
import { ApiClient, signedUp } from '../support/api-client'
import { expectConsoleError, newPage, visit } from '../support/browser'
import { buildUser } from '../../prisma/seed/factories'

describe('signing in and out in the browser', () => {
  it('shows one clear message for a wrong password and keeps the email, in the app (sign-in reached from another of its pages)', async () => {
    const owner = await signedUp()
    const page = await newPage()
    await visit(page, '/sign-up')
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click()
    await page.waitForURL(url => new URL(url).pathname === '/sign-in')
    expect(await page.locator('html').getAttribute('data-static')).toBeNull()
    await page.getByLabel('Email').fill(owner.user!.email)
    await page.getByLabel('Password').fill('definitely-wrong')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('do not match an account')
    expect(await page.getByLabel('Email').inputValue()).toBe(owner.user!.email)
    expect(page.url()).toContain('/sign-in')
  })

  it('signs in through the visitor\'s page, sent without JavaScript: a refusal comes back in words, the password never in the address', async () => {
    const owner = await signedUp()
    const page = await newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    await visit(page, '/sign-in?next=/courses')
    expect(await page.locator('html').getAttribute('data-static')).toBe('true')
    await page.getByLabel('Email').fill(owner.user!.email)
    await page.getByLabel('Password').fill('typed-wrong-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('sign-in-error').filter({ hasText: 'do not match an account' }).waitFor()
    expect(page.url()).not.toContain('typed-wrong-password')
    expect(scripts).toEqual([])
    // The email and the page asked for came back with the refusal.
    expect(await page.getByLabel('Email').inputValue()).toBe(owner.user!.email)
    await page.getByLabel('Password').fill(owner.user!.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(url => new URL(url).pathname === '/courses')
    await page.waitForSelector('html[data-hydrated="true"]')
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(owner.user!.name)
  })

  it('holds the visitor\'s sign-in while the line is down and signs in by itself once it is back', async () => {
    const owner = await signedUp()
    const page = await newPage()
    await visit(page, '/sign-in')
    await page.getByLabel('Email').fill(owner.user!.email)
    await page.getByLabel('Password').fill(owner.user!.password)
    await page.context().setOffline(true)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('status').filter({ hasText: 'You are offline. You will be signed in as soon as the connection is back.' }).waitFor()
    // Still the page, with what was typed: not the browser's "No internet".
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    expect(await page.getByLabel('Email').inputValue()).toBe(owner.user!.email)
    await page.context().setOffline(false)
    await page.waitForURL('**/studio')
    await page.getByRole('heading', { name: 'Your courses' }).waitFor()
  })

  it('signs an instructor in to the studio and out again', async () => {
    const owner = await signedUp()
    const page = await newPage()
    await visit(page, '/studio')
    await page.waitForURL(/\/sign-in\?next=(%2F|\/)studio/)
    await page.waitForSelector('html[data-static="true"]')
    await page.getByLabel('Email').fill(owner.user!.email)
    await page.getByLabel('Password').fill(owner.user!.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/studio')
    await page.getByRole('heading', { name: 'Your courses' }).waitFor()
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(owner.user!.name)

    // The studio arrives as server-rendered HTML: Sign out works once Vue has hydrated it (a
    // click before that goes nowhere, which a loaded machine once made this test do).
    await page.waitForSelector('html[data-hydrated="true"]')
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
