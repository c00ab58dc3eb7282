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
/**
 * Content-Security-Policy violations in any frame of any page a test opened. Unlike console
 * errors there is no way to expect one: the whole app must pass its own policy.
 */
let cspViolations: string[] = []

afterEach(async () => {
  // A violation's report travels from the page as a binding call; a round trip to each page
  // after it makes sure every report sent before the test ended has arrived.
  await Promise.all(contexts.flatMap(c => c.pages()).map(page => page.evaluate('0').catch(() => {})))
  const errors = pageErrors.filter(error => !expectedErrors.some(pattern => pattern.test(error)))
  const violations = cspViolations
  pageErrors = []
  expectedErrors = []
  cspViolations = []
  expect(violations, 'Content-Security-Policy violations in the browser').toEqual([])
  expect(errors, 'errors in the browser console').toEqual([])
})

/** Every frame of every page reports what the site's CSP refused (the event's details). */
async function reportCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__lecternCspViolation', (_source, report: string) => {
    cspViolations.push(report)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} in ${event.documentURI}`
        + (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : '')
        + (event.sample ? `: ${event.sample}` : '')
      ;(window as unknown as { __lecternCspViolation: (report: string) => void }).__lecternCspViolation(report)
    }, true)
  })
}

/**
 * Hands over (and clears) the violations seen so far: only for the test that proves this listener
 * works by causing one on purpose, and which then asserts on what it took.
 */
export function takeCspViolations(): string[] {
  const taken = cspViolations
  cspViolations = []
  return taken
}

/** For a test that causes an error page on purpose: console errors matching this are expected. */
export function expectConsoleError(pattern: RegExp): void {
  expectedErrors.push(pattern)
}

afterAll(async () => {
  await Promise.all(contexts.map(c => c.close().catch(() => {})))
  await browser?.close()
})

export interface PageOptions {
  javaScriptEnabled?: boolean
  /** The window size; a phone-sized one also gets touch and a phone's pixel ratio. */
  viewport?: { width: number, height: number }
  /** Another server of the run than the shared one (the HLS tests' own). */
  baseURL?: string
  /** A reader elsewhere: the browser's time zone (IANA) and language, unlike the server's. */
  timezoneId?: string
  locale?: string
}

export async function newPage(session?: ApiClient, options: PageOptions = {}): Promise<Page> {
  browser ??= await chromium.connect(inject('browserWsEndpoint'))
  const baseURL = options.baseURL ?? inject('baseURL')
  const viewport = options.viewport ?? { width: 1280, height: 900 }
  const phone = viewport.width < 600
  const context = await browser.newContext({
    baseURL,
    viewport,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  })
  contexts.push(context)
  await reportCspViolations(context)
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
  // A ceiling for a wait that will never end, not a speed check (speed lives in bench/): on two
  // cores shared with a build or another suite, a page load alone has taken over 10 s.
  page.setDefaultTimeout(20_000)
  return page
}

/** Goes to a page and waits until Vue has hydrated it (the plugin sets <html data-hydrated>). */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path)
  // Hydrated by the app, or an anonymous visitor's public page, sent without JavaScript.
  await page.waitForSelector('html[data-hydrated="true"], html[data-static="true"]')
}
