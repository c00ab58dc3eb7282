// The Content-Security-Policy in a real browser: every kind of page renders, hydrates and runs
// (scripts, socket, sign-in form) under it, including a page answered from the anonymous page
// cache. tests/support/browser.ts fails any test whose pages the policy refused something in.
import { beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ConversationSummary } from '../../shared/types/conversation'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { expectConsoleError, newPage, takeCspViolations, visit } from '../support/browser'
import { publishedCourse } from '../support/catalog-fixtures'
import type { PublishedCourse } from '../support/catalog-fixtures'

describe('the Content-Security-Policy in the browser', () => {
  let instructor: ApiClient
  let student: ApiClient
  let course: PublishedCourse
  let conversationId: string
  beforeAll(async () => {
    instructor = await signedUp({ name: 'Policy Teacher' })
    course = await publishedCourse(instructor, { lessons: 1, seconds: 5, title: 'Headers and policies' })
    student = await signedUp({ role: 'STUDENT', name: 'Policy Learner' })
    data(await student.post(`/api/catalog/${course.course.slug}/enrol`))
    const conversations = data(await student.get<ConversationSummary[]>('/api/conversations'))
    conversationId = conversations[0]!.id
  })

  it('sends a nonce-based policy with pages, and the nonce is on every script Nuxt rendered', async () => {
    // Signed in: an anonymous visitor's course page is sent without the app's scripts.
    const page = await newPage(student)
    const response = await page.goto(`/courses/${course.course.slug}`)
    const policy = response!.headers()['content-security-policy']!
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
    expect(nonce).toBeTruthy()
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    const html = await response!.text()
    const scripts = html.match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(2)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
  })

  it('shows the public pages and the sign-in form under the policy, and signs in through it', async () => {
    const page = await newPage()
    await visit(page, '/')
    await visit(page, '/courses')
    await page.getByRole('link', { name: course.course.title }).first().waitFor()
    await visit(page, `/courses/${course.course.slug}`)
    await page.getByRole('heading', { level: 1, name: course.course.title }).waitFor()
    await visit(page, '/sign-up')
    await visit(page, '/sign-in')
    // The form's POST goes out with this page's Origin, which the cross-site check accepts.
    const account = (await signedUp({ role: 'STUDENT' })).user!
    await page.getByLabel('Email').fill(account.email)
    await page.getByLabel('Password').fill(account.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(url => new URL(url).pathname !== '/sign-in')
  })

  it('runs the studio, its insights and the media library under the policy', async () => {
    const page = await newPage(instructor)
    await visit(page, '/studio')
    await visit(page, `/studio/courses/${course.course.id}`)
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await visit(page, '/studio/media')
    await visit(page, '/studio/media/insights')
    await visit(page, '/studio/insights/conversations')
  })

  it('opens the live socket and the conversation under the policy (connect-src)', async () => {
    const page = await newPage(student)
    let ready = false
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"op":"ready"')) ready = true
      })
    })
    await visit(page, '/messages')
    await visit(page, `/messages/${conversationId}`)
    await page.getByLabel('Message', { exact: true }).waitFor()
    await expect.poll(() => ready).toBe(true)
    await visit(page, '/learn')
    await visit(page, `/learn/${course.course.slug}`)
  })

  it('passes the policy on a page answered from the anonymous page cache: the replayed nonce matches', async () => {
    // A search only this test makes, so the first visit renders and keeps the page.
    const path = `/courses?q=${encodeURIComponent(`policy cache ${course.course.id}`)}`
    const first = await newPage()
    const miss = await first.goto(path)
    expect(miss!.headers()['x-lectern-page-cache']).toBe('miss')
    // Other test files publish courses meanwhile, and each catalog write empties the cache: keep
    // the page again (a cookie-less fetch renders it) just before each try, until a fresh
    // cookie-less browser context is answered from the cache.
    let hit: Page | undefined
    await expect.poll(async () => {
      const page = await newPage()
      await (await fetch(`${inject('baseURL')}${path}`)).text()
      const response = await page.goto(path)
      if (response!.headers()['x-lectern-page-cache'] !== 'hit') return false
      // An anonymous visitor's catalog is sent without the app; whatever carries a nonce (the
      // inline styles) carries the one the replayed header allows.
      const nonce = /'nonce-([^']+)'/.exec(response!.headers()['content-security-policy']!)?.[1]
      const html = await response!.text()
      expect([...new Set([...html.matchAll(/nonce="([^"]*)"/g)].map(m => m[1]))]).toEqual([nonce])
      hit = page
      return true
    }, { timeout: 40_000 }).toBe(true)
    // The cached page works: its search (a GET form) answers.
    await hit!.getByRole('searchbox', { name: 'Search courses' }).fill('anything')
    await hit!.getByRole('button', { name: 'Search' }).click()
    await hit!.waitForURL(url => new URL(url).searchParams.get('q') === 'anything')
  }, 60_000)

  it('refuses injected inline code and a plain-http image, and the listener reports both', async () => {
    // Chromium also logs each refusal in the console.
    expectConsoleError(/Content Security Policy/)
    const page = await newPage()
    await visit(page, '/')
    await page.evaluate(() => {
      // What injected markup would try: an event-handler attribute; and an image over plain http.
      const button = document.createElement('button')
      button.setAttribute('onclick', 'window.__injected = true')
      document.body.append(button)
      button.click()
      const image = document.createElement('img')
      image.src = 'http://images.example.invalid/pixel.png'
      document.body.append(image)
    })
    let seen: string[] = []
    await expect.poll(async () => {
      await page.evaluate('0')
      seen = [...seen, ...takeCspViolations()]
      return seen.length
    }).toBe(2)
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
    expect(seen.find(v => v.startsWith('script-src-attr'))).toContain('refused inline')
    expect(seen.find(v => v.startsWith('img-src'))).toContain('images.example.invalid')
  })
})
