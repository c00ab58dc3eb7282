// Password reset in the browser, from the mail's link (the test run's real SMTP server): on a
// desktop window and on a 375 px phone, where no page may scroll sideways.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ApiClient, signedUp } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { describeWithDatabase } from '../support/database'
import { linkIn, waitForMail } from '../support/mailbox'

async function fitsWidth(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(width)
}

const viewports = [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 375, height: 812 }]

describeWithDatabase('password reset in the browser', () => {
  for (const viewport of viewports) {
    it(`asks for a link from the sign-in page, sets the new password from the mail, and signs in with it (${viewport.name})`, async () => {
      const account = await signedUp({ name: 'Rita Reset' })
      const page = await newPage(undefined, { viewport })
      // A visitor's sign-in page is sent without JavaScript: its link cannot carry an email
      // typed there, only one the page was opened with (after a refused try, say).
      await visit(page, `/sign-in?email=${encodeURIComponent(account.user!.email)}`)
      await page.getByRole('link', { name: 'Forgot password?' }).click()
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor()
      await page.waitForSelector('html[data-hydrated="true"]')
      expect(await page.getByLabel('Email').inputValue()).toBe(account.user!.email)
      await fitsWidth(page, viewport.width)
      await page.getByRole('button', { name: 'Send the link' }).click()
      await page.getByTestId('reset-requested').filter({ hasText: account.user!.email }).waitFor()

      const link = linkIn(await waitForMail(account.user!.email), '/reset-password')
      await visit(page, `${link.pathname}${link.search}`)
      await page.getByText(`For ${account.user!.email}`).waitFor()
      await fitsWidth(page, viewport.width)
      // The form checks the sign-up rules before sending.
      await page.getByLabel('New password').fill('short')
      await page.getByRole('button', { name: 'Set the new password' }).click()
      await page.getByText('Use at least 12 characters').waitFor()
      await page.getByLabel('New password').fill('my-new-password-1')
      await page.getByRole('button', { name: 'Set the new password' }).click()

      await page.waitForURL(url => url.pathname === '/sign-in')
      await page.getByRole('status').filter({ hasText: 'Your password was changed' }).waitFor()
      expect(await page.getByLabel('Email').inputValue()).toBe(account.user!.email)
      await page.getByLabel('Password').fill('my-new-password-1')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL(url => url.pathname === '/studio')
      expect((await new ApiClient().post('/api/auth/sign-in', { email: account.user!.email, password: account.user!.password })).status).toBe(401)

      // The used link now says so, and offers a new one.
      const other = await newPage(undefined, { viewport })
      await visit(other, `${link.pathname}${link.search}`)
      await other.getByTestId('reset-refused').filter({ hasText: 'already used' }).waitFor()
      await other.getByRole('link', { name: 'Ask for a new link' }).waitFor()
      await fitsWidth(other, viewport.width)
    }, 60_000)
  }

  it('answers an unknown email the same way', async () => {
    const page = await newPage()
    await visit(page, '/forgot-password')
    await page.getByLabel('Email').fill('nobody-at-all@example.test')
    await page.getByRole('button', { name: 'Send the link' }).click()
    await page.getByTestId('reset-requested').filter({ hasText: 'If an account uses nobody-at-all@example.test, we sent it a link' }).waitFor()
  })

  it('keeps the typed email and says the request did not go when offline', async () => {
    const page = await newPage()
    await visit(page, '/forgot-password')
    await page.getByLabel('Email').fill('offline@example.test')
    await page.context().setOffline(true)
    await page.getByRole('button', { name: 'Send the link' }).click()
    await page.getByRole('alert').filter({ hasText: 'could not be reached' }).waitFor()
    expect(await page.getByLabel('Email').inputValue()).toBe('offline@example.test')
    await page.context().setOffline(false)
  })
})
