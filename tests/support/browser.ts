// Browser tests share the Chromium started by global-setup; each test gets a fresh context
// (its own cookies), optionally signed in with an ApiClient's session.
import { afterAll, afterEach, expect, inject } from 'vitest'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { ApiClient } from './api-client'

let browser: Browser | undefined
const contexts: BrowserContext[] = []
/** Errors the page itself reported: uncaught exceptions, hydration mismatches, failed renders. */
let pageErrors: string[] = []
let expectedErrors: RegExp[] = []

afterEach(() => {
  const errors = pageErrors.filter(error => !expectedErrors.some(pattern => pattern.test(error)))
  pageErrors = []
  expectedErrors = []
  expect(errors, 'errors in the browser console').toEqual([])
})

/** For a test that causes an error page on purpose: console errors matching this are expected. */
export function expectConsoleError(pattern: RegExp): void {
  expectedErrors.push(pattern)
}

afterAll(async () => {
  await Promise.all(contexts.map(c => c.close().catch(() => {})))
  await browser?.close()
})

export async function newPage(session?: ApiClient, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  browser ??= await chromium.connect(inject('browserWsEndpoint'))
  const baseURL = inject('baseURL')
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true })
  contexts.push(context)
  if (session) {
    const { hostname } = new URL(baseURL)
    await context.addCookies(session.sessionCookies().map(c => ({ ...c, domain: hostname, path: '/' })))
  }
  const page = await context.newPage()
  page.on('pageerror', error => pageErrors.push(`uncaught: ${error.message}`))
  page.on('console', (message) => {
    // A refused request logs "Failed to load resource"; the tests that cause one assert on it.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text())
  })
  page.setDefaultTimeout(10_000)
  return page
}

/** Goes to a page and waits until Vue has hydrated it (the plugin sets <html data-hydrated>). */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await page.waitForSelector('html[data-hydrated="true"]')
}
