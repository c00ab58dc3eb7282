// The outbox: messages written offline (or while the server cannot take them) are kept in the
// browser, survive a reload or a closed tab, go out in order once, and can be discarded; signing
// out asks about them. And the composer after a send: the day and the audience reset.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { MessagePage } from '../../shared/types/conversation'
import { data } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { expectConsoleError, newPage, visit } from '../support/browser'
import { conversationPair } from '../support/conversation-fixtures'

const bubble = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text })
const composer = (page: Page) => page.getByLabel('Message', { exact: true })
const stored = async (client: ApiClient, conversationId: string) =>
  data(await client.get<MessagePage>(`/api/conversations/${conversationId}/messages?limit=100`)).messages
const storedKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter(key => key.startsWith('lectern:outbox:') || key.startsWith('lectern:draft:')))
const outboxSends = (page: Page) => page.evaluate(() => {
  const key = Object.keys(localStorage).find(k => k.startsWith('lectern:outbox:'))
  return key ? (JSON.parse(localStorage.getItem(key)!) as { sends: unknown[] }).sends.length : 0
})

/** Offline, Nuxt logs that it could not fetch its app manifest: expected, and not ours. */
const expectOfflineNoise = () => expectConsoleError(/NUXT_E5002/)

async function send(page: Page, text: string) {
  await composer(page).fill(text)
  await composer(page).press('Enter')
}

/** The conversation open in a tab of `client`'s, loaded, then the browser offline. */
async function offlineInConversation(client: ApiClient, conversationId: string): Promise<Page> {
  const page = await newPage(client)
  await visit(page, `/messages/${conversationId}`)
  await bubble(page, 'Enrolled in').waitFor()
  expectOfflineNoise()
  await page.context().setOffline(true)
  return page
}

describe('the outbox', () => {
  it('keeps messages written offline through a closed tab, then sends them in order, once each', async () => {
    const { student, conversationId } = await conversationPair()
    const page = await offlineInConversation(student, conversationId)
    await send(page, 'Offline one')
    await bubble(page, 'Offline one').getByText('Waiting for connection').waitFor()
    expect(await bubble(page, 'Offline one').getAttribute('data-status')).toBe('waiting')
    // The draft is gone only because the message is safe in the outbox.
    expect(await composer(page).inputValue()).toBe('')
    await send(page, 'Offline two')
    await bubble(page, 'Offline two').getByText('Waiting for connection').waitFor()
    expect(await outboxSends(page)).toBe(2)

    // The tab closes while offline; later, online again, Lectern opens in a new tab.
    const context = page.context()
    await page.close()
    await context.setOffline(false)
    const again = await context.newPage()
    await visit(again, '/learn')
    await expect.poll(async () => (await stored(student, conversationId)).filter(m => m.body.startsWith('Offline')).map(m => m.body), { timeout: 15_000 })
      .toEqual(['Offline one', 'Offline two'])
    await expect.poll(() => outboxSends(again)).toBe(0)

    await visit(again, `/messages/${conversationId}`)
    for (const text of ['Offline one', 'Offline two']) {
      await expect.poll(() => bubble(again, text).getAttribute('data-status')).toBe('sent')
      expect(await bubble(again, text).count()).toBe(1)
    }
  }, 90_000)

  it('keeps a waiting message through a reload and sends it when the server can be reached again', async () => {
    const { student, conversationId } = await conversationPair()
    const page = await newPage(student)
    let reachable = false
    await page.route(`**/api/conversations/${conversationId}/messages`, route =>
      (route.request().method() === 'POST' && !reachable ? route.abort('internetdisconnected') : route.continue()))
    await visit(page, `/messages/${conversationId}`)
    await send(page, 'Through the reload')
    await expect.poll(() => bubble(page, 'Through the reload').getAttribute('data-status')).toBe('waiting')
    await bubble(page, 'Through the reload').getByText('Waiting for connection').waitFor()

    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    await expect.poll(() => bubble(page, 'Through the reload').getAttribute('data-status')).toBe('waiting')
    expect(await composer(page).inputValue()).toBe('')

    reachable = true
    await expect.poll(() => bubble(page, 'Through the reload').getAttribute('data-status'), { timeout: 20_000 }).toBe('sent')
    expect((await stored(student, conversationId)).filter(m => m.body === 'Through the reload')).toHaveLength(1)
  }, 60_000)

  it('treats a 429 as "wait and send later", not as failed', async () => {
    const { student, conversationId } = await conversationPair()
    const page = await newPage(student)
    let busy = true
    await page.route(`**/api/conversations/${conversationId}/messages`, (route) => {
      if (route.request().method() !== 'POST' || !busy) return route.continue()
      busy = false
      return route.fulfill({
        status: 429,
        headers: { 'retry-after': '1' },
        contentType: 'application/json',
        body: JSON.stringify({ success: false, error: { code: 'RATE_LIMITED', message: 'Too many messages' } }),
      })
    })
    await visit(page, `/messages/${conversationId}`)
    await send(page, 'Slow down')
    await bubble(page, 'Slow down').getByText('Waiting to send').waitFor()
    expect(await bubble(page, 'Slow down').getAttribute('data-status')).toBe('waiting')
    expect(await bubble(page, 'Slow down').getByRole('button', { name: 'Retry' }).count()).toBe(0)
    await expect.poll(() => bubble(page, 'Slow down').getAttribute('data-status'), { timeout: 10_000 }).toBe('sent')
    expect((await stored(student, conversationId)).filter(m => m.body === 'Slow down')).toHaveLength(1)
  })

  it('lets a waiting message be discarded: it never reaches the server, and the next one still goes', async () => {
    const { student, conversationId } = await conversationPair()
    const page = await newPage(student)
    await visit(page, `/messages/${conversationId}`)
    await bubble(page, 'Enrolled in').waitFor()
    expectOfflineNoise()
    await page.context().setOffline(true)
    await send(page, 'Never mind this')
    await bubble(page, 'Never mind this').getByRole('button', { name: 'Discard' }).click()
    await expect.poll(() => bubble(page, 'Never mind this').count()).toBe(0)
    await send(page, 'But this one')
    await page.context().setOffline(false)
    await expect.poll(() => bubble(page, 'But this one').getAttribute('data-status'), { timeout: 15_000 }).toBe('sent')
    expect((await stored(student, conversationId)).map(m => m.body)).not.toContain('Never mind this')
    // The outbox is written to storage after the send settles, a moment after the bubble says sent.
    await expect.poll(() => outboxSends(page)).toBe(0)
  })

  it('asks before signing out with unsent messages, then clears the outbox and drafts from the browser', async () => {
    const { instructor, student, conversationId } = await conversationPair()
    const page = await newPage(student)
    await page.route(`**/api/conversations/${conversationId}/messages`, route =>
      (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()))
    await visit(page, `/messages/${conversationId}`)
    await send(page, 'Unsent at sign-out')
    await expect.poll(() => bubble(page, 'Unsent at sign-out').getAttribute('data-status')).toBe('waiting')
    await composer(page).fill('A draft left behind')
    await expect.poll(async () => (await storedKeys(page)).length).toBe(2)

    await page.getByRole('button', { name: 'Sign out' }).click()
    const dialog = page.getByRole('dialog', { name: 'A message is not sent yet' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await bubble(page, 'Unsent at sign-out').count()).toBe(1)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await dialog.getByRole('button', { name: 'Discard and sign out' }).click()
    await page.waitForURL(/\/sign-in/)
    expect(await storedKeys(page)).toEqual([])
    // Read by the other participant: signing out ended the session this tab shared with `student`.
    expect((await stored(instructor, conversationId)).map(m => m.body)).not.toContain('Unsent at sign-out')
  })
})

describe('signing out offline', () => {
  const signedOut = async (client: ApiClient) => (await client.get('/api/conversations')).status === 401

  it('says it will finish once the connection is back, and does so by itself', async () => {
    const { student, conversationId } = await conversationPair()
    const page = await offlineInConversation(student, conversationId)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('status').filter({ hasText: 'you are signed out as soon as the connection is back' }).waitFor()
    expect(await signedOut(student)).toBe(false)
    await page.context().setOffline(false)
    await page.waitForURL(/\/sign-in/)
    expect(await signedOut(student)).toBe(true)
  })

  it('still ends the session when the tab is closed before the connection came back: the next start finishes it', async () => {
    const { student, conversationId } = await conversationPair()
    const page = await offlineInConversation(student, conversationId)
    const context = page.context()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('status').filter({ hasText: 'as soon as the connection is back' }).waitFor()
    await page.close()
    expect(await signedOut(student)).toBe(false) // the request never left

    await context.setOffline(false)
    const again = await context.newPage()
    await again.goto('/learn')
    await again.waitForURL(/\/sign-in/)
    expect(await signedOut(student)).toBe(true)
  })
})

describe('a sign-out the server did not carry out', () => {
  it('says so, keeps the user signed in, and finishes the sign-out at the app\'s next start', async () => {
    const { student, conversationId } = await conversationPair()
    const page = await newPage(student)
    await visit(page, `/messages/${conversationId}`)
    // The server (or a proxy before it) fails the sign-out once.
    expectConsoleError(/503/)
    await page.route('**/api/auth/sign-out', route => route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ success: false, error: { code: 'UNAVAILABLE', message: 'The database is not answering' } }),
    }))
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.locator('[data-sonner-toast]').filter({ hasText: 'Could not sign out' }).waitFor()
    expect(page.url()).toContain(`/messages/${conversationId}`)
    expect((await student.get('/api/conversations')).status).toBe(200) // the session is still open…
    expect(await page.evaluate(() => localStorage.getItem('lectern:sign-out-pending'))).toBe(student.user!.id) // …and still to be ended

    await page.unroute('**/api/auth/sign-out')
    await page.reload()
    await page.waitForURL(/\/sign-in/)
    expect((await student.get('/api/conversations')).status).toBe(401)
  })
})

describe('the composer after a send', () => {
  it('shows where a back-dated note went, and the next note is about today again', async () => {
    const { student, conversationId } = await conversationPair()
    const page = await newPage(student)
    await visit(page, `/messages/${conversationId}`)
    await bubble(page, 'Enrolled in').waitFor()
    const day = page.getByLabel('Day this message is about')
    const today = await day.inputValue()
    const earlier = new Date(Date.parse(`${today}T12:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10)
    await day.fill(earlier)
    await send(page, 'About three days ago')
    await page.getByTestId('landed').waitFor()
    await expect.poll(() => bubble(page, 'About three days ago').getAttribute('data-status')).toBe('sent')
    const group = page.locator(`[data-day="${earlier}"]`)
    expect(await group.getByTestId('message').filter({ hasText: 'About three days ago' }).count()).toBe(1)
    expect(await day.inputValue()).toBe(today)
  })

  it('resets the instructor\'s audience to "Only the student" after each send, and says who will read the next message', async () => {
    const { instructor, student, conversationId } = await conversationPair({ instructorName: 'Iris Teacher', studentName: 'Sol Learner' })
    const page = await newPage(instructor)
    await visit(page, `/messages/${conversationId}`)
    const audience = page.getByTestId('audience')
    await audience.getByText('Only Sol Learner will read this.').waitFor()
    await page.getByLabel('Who can read it').selectOption('OBSERVERS')
    await audience.getByText('Sol Learner and their observers will read this.').waitFor()
    await send(page, 'For the family too')
    await expect.poll(() => bubble(page, 'For the family too').getAttribute('data-status')).toBe('sent')
    expect(await page.getByLabel('Who can read it').inputValue()).toBe('PARTICIPANTS')
    await audience.getByText('Only Sol Learner will read this.').waitFor()
    await send(page, 'Just for you')
    await expect.poll(() => bubble(page, 'Just for you').getAttribute('data-status')).toBe('sent')
    const messages = await stored(student, conversationId)
    expect(messages.find(m => m.body === 'For the family too')?.access).toBe('OBSERVERS')
    expect(messages.find(m => m.body === 'Just for you')?.access).toBe('PARTICIPANTS')
  })
})
