// Two-step verification in the browser: turned on from the account page with the key an app
// would scan, the recovery codes shown once; then signing in as a visitor (the pages sent
// without JavaScript, and inside the app), a wrong code said in words; then turned off.
import { describe, expect, it } from 'vitest'
import { signedUp } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { appCode, withTwoStep } from '../support/two-step-fixtures'

const phone = { width: 375, height: 812 }

describe('two-step verification in the browser', () => {
  it('is turned on from the account page: scan or type the key, prove it with a code and the password, save the recovery codes', async () => {
    const student = await signedUp({ role: 'STUDENT' })
    const page = await newPage(student, { viewport: phone })
    await visit(page, '/account')
    const section = page.getByTestId('account-two-step')
    await section.getByText('Off.').waitFor()
    await section.getByRole('button', { name: 'Set up two-step verification' }).click()
    await section.getByRole('img', { name: /QR code/ }).waitFor()
    const key = (await section.getByTestId('two-step-key').textContent())!.replace(/\s/g, '')
    expect(key).toMatch(/^[A-Z2-7]{32}$/)
    // The QR code, the key and the form fit a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
    // A wrong code: said under its field, what was typed kept.
    await section.getByLabel('Code from the app').fill(appCode(key, 6))
    await section.getByLabel('Current password').fill(student.user!.password)
    await section.getByRole('button', { name: 'Turn on' }).click()
    await section.getByText('not the one your app shows').waitFor()
    expect(await section.getByLabel('Current password').inputValue()).toBe(student.user!.password)
    await section.getByLabel('Code from the app').fill(appCode(key))
    await section.getByRole('button', { name: 'Turn on' }).click()
    const codes = section.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
    await expect.poll(() => codes.count()).toBe(10)
    expect(await codes.first().textContent()).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width)
    await section.getByRole('button', { name: 'I have saved them' }).click()
    await section.getByText('On.').waitFor()
    expect(await section.getByTestId('recovery-codes-left').textContent()).toBe('10 recovery codes left')

    // Turned off again, with the password.
    await section.getByRole('button', { name: 'Turn off' }).click()
    await section.getByLabel('Current password').fill(student.user!.password)
    await section.getByRole('button', { name: 'Turn off two-step verification' }).click()
    await section.getByText('Off.').waitFor()
  })

  it('asks a visitor for the code after the password, on pages sent without JavaScript, and says when a code is wrong', async () => {
    const student = await signedUp({ role: 'STUDENT' })
    const { secret, codes } = await withTwoStep(student)
    const page = await newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    await visit(page, '/sign-in?next=/learn')
    await page.getByLabel('Email').fill(student.user!.email)
    await page.getByLabel('Password').fill(student.user!.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(url => new URL(url).pathname === '/sign-in/two-step')
    expect(await page.locator('html').getAttribute('data-static')).toBe('true')
    await page.getByLabel('Code').fill(appCode(secret, 8))
    await page.getByRole('button', { name: 'Verify and sign in' }).click()
    await page.getByTestId('two-step-error').filter({ hasText: 'That code is not right' }).waitFor()
    expect(scripts).toEqual([])
    // A recovery code, as printed.
    await page.getByLabel('Code').fill(codes[0]!)
    await page.getByRole('button', { name: 'Verify and sign in' }).click()
    await page.waitForURL(url => new URL(url).pathname === '/learn')
    await page.waitForSelector('html[data-hydrated="true"]')
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(student.user!.name)
  })

  it('asks for the code inside the app too (sign-in reached from another of its pages)', async () => {
    const instructor = await signedUp()
    const { secret } = await withTwoStep(instructor)
    const page = await newPage()
    await visit(page, '/sign-up')
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click()
    await page.waitForURL(url => new URL(url).pathname === '/sign-in')
    await page.getByLabel('Email').fill(instructor.user!.email)
    await page.getByLabel('Password').fill(instructor.user!.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(url => new URL(url).pathname === '/sign-in/two-step')
    expect(await page.locator('html').getAttribute('data-static')).toBeNull()
    await page.getByLabel('Code').fill('12')
    await page.getByRole('button', { name: 'Verify and sign in' }).click()
    await page.getByText('Enter the 6-digit code from your app, or a recovery code').waitFor()
    await page.getByLabel('Code').fill(appCode(secret))
    await page.getByRole('button', { name: 'Verify and sign in' }).click()
    await page.waitForURL('**/studio')
    await page.getByRole('heading', { name: 'Your courses' }).waitFor()
  })
})
