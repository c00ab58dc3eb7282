import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page, WebSocketRoute } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import type { Chapter } from '../../shared/types/outline'
import type { ConversationSummary, MessagePage } from '../../shared/types/conversation'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { describeWithDatabase } from '../support/database'
import { linkedObserver } from '../support/conversation-fixtures'
import { readZip } from '../support/zip-reader'

async function enrolledPair() {
  const instructor = await signedUp({ name: 'Iris Teacher' })
  const course = data(await instructor.post<Course>('/api/courses', { title: 'Conversations Course', category: 'Writing' }))
  const chapter = data(await instructor.post<Chapter>(`/api/courses/${course.id}/chapters`, { title: 'One' }))
  await instructor.post(`/api/chapters/${chapter.id}/lessons`, { title: 'Welcome' })
  await instructor.post(`/api/courses/${course.id}/publish`, {})
  const student = await signedUp({ role: 'STUDENT', name: 'Sol Learner' })
  await student.post(`/api/catalog/${course.slug}/enrol`)
  const [conversation] = data(await student.get<ConversationSummary[]>('/api/conversations'))
  return { instructor, student, course, conversationId: conversation!.id }
}

/** A tab that can only learn of new messages through its socket (no fallback polling). */
async function chatTab(client: ApiClient, conversationId: string) {
  const page = await newPage(client)
  await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
  await visit(page, `/messages/${conversationId}`)
  return page
}

const bubble = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text })
const composer = (page: Page) => page.getByLabel('Message', { exact: true })

describe('conversations in the browser', () => {
  let pair: Awaited<ReturnType<typeof enrolledPair>>
  beforeAll(async () => {
    pair = await enrolledPair()
  })

  it('lets a student and an instructor exchange messages live, with the enrolment in the stream', async () => {
    const [studentPage, instructorPage] = await Promise.all([chatTab(pair.student, pair.conversationId), chatTab(pair.instructor, pair.conversationId)])
    await bubble(studentPage, 'Enrolled in Conversations Course').waitFor()
    await studentPage.getByRole('heading', { name: /Iris Teacher/ }).waitFor()

    await composer(studentPage).fill('Watched the first lesson tonight.')
    await composer(studentPage).press('Enter')
    await expect.poll(() => bubble(studentPage, 'Watched the first lesson').getAttribute('data-status')).toBe('sent')
    await bubble(instructorPage, 'Watched the first lesson tonight.').waitFor({ timeout: 5000 })
    expect(await composer(studentPage).inputValue()).toBe('')

    await composer(instructorPage).fill('Great start, Sol.')
    await instructorPage.getByRole('button', { name: 'Send' }).click()
    await bubble(studentPage, 'Great start, Sol.').waitFor({ timeout: 5000 })
    expect(await bubble(studentPage, 'Great start, Sol.').innerText()).toContain('Response')
  })

  it('keeps a draft across a reload', async () => {
    const page = await chatTab(pair.student, pair.conversationId)
    await composer(page).fill('Half a thought')
    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    await expect.poll(() => composer(page).inputValue()).toBe('Half a thought')
  })

  it('shows a refused send with Retry and Discard; a retry stores the message once', async () => {
    const page = await chatTab(pair.student, pair.conversationId)
    let fail = true
    // A server error is a refusal (a dropped connection would only make it wait: tests/e2e/outbox.test.ts).
    const refuse = { status: 500, contentType: 'application/json', body: JSON.stringify({ success: false, error: { code: 'INTERNAL', message: 'Something broke' } }) }
    await page.route(`**/api/conversations/${pair.conversationId}/messages`, async (route) => {
      if (route.request().method() === 'POST' && fail) {
        fail = false
        return route.fulfill(refuse)
      }
      return route.continue()
    })
    await composer(page).fill('Sent over a flaky line')
    await composer(page).press('Enter')
    await expect.poll(() => bubble(page, 'Sent over a flaky line').getAttribute('data-status')).toBe('failed')
    await bubble(page, 'Sent over a flaky line').getByRole('button', { name: 'Retry' }).click()
    await expect.poll(() => bubble(page, 'Sent over a flaky line').getAttribute('data-status')).toBe('sent')
    const stored = data(await pair.student.get<MessagePage>(`/api/conversations/${pair.conversationId}/messages?limit=100`)).messages
    expect(stored.filter(m => m.body === 'Sent over a flaky line')).toHaveLength(1)
    expect(await bubble(page, 'Sent over a flaky line').count()).toBe(1)

    // A failed message can also be thrown away.
    await page.route(`**/api/conversations/${pair.conversationId}/messages`, route => (route.request().method() === 'POST' ? route.fulfill(refuse) : route.continue()))
    await composer(page).fill('Never mind')
    await composer(page).press('Enter')
    await bubble(page, 'Never mind').getByRole('button', { name: 'Discard' }).click()
    await expect.poll(() => bubble(page, 'Never mind').count()).toBe(0)
  })

  it('stores a message whose answer was lost once, and shows it sent (the socket brings it)', async () => {
    const page = await chatTab(pair.student, pair.conversationId)
    let lose = true
    await page.route(`**/api/conversations/${pair.conversationId}/messages`, async (route) => {
      if (route.request().method() === 'POST' && lose) {
        lose = false
        await route.fetch() // stored on the server…
        return route.abort('connectionreset') // …but the answer never arrives
      }
      return route.continue()
    })
    await composer(page).fill('Did this arrive?')
    await composer(page).press('Enter')
    await expect.poll(() => bubble(page, 'Did this arrive?').getAttribute('data-status')).toBe('sent')
    const stored = data(await pair.student.get<MessagePage>(`/api/conversations/${pair.conversationId}/messages?limit=100`)).messages
    expect(stored.filter(m => m.body === 'Did this arrive?')).toHaveLength(1)
  })

  it('jumps to a back-dated day, pages newer without repeats while new messages wait, and goes back to the latest', async () => {
    const { instructor, student, conversationId } = await enrolledPair()
    const post = (client: ApiClient, body: string, targetDate: string) => client.post(`/api/conversations/${conversationId}/messages`, {
      type: client === student ? 'DAILY_NOTE' : 'INSTRUCTOR_RESPONSE', body, targetDate, clientKey: `k-${randomUUID()}`,
    })
    const today = new Date().toISOString().slice(0, 10)
    for (let i = 0; i < 3; i++) await post(student, `May note ${i}`, '2025-05-30')
    for (let i = 0; i < 4; i++) await post(student, `June note ${i}`, '2025-06-01')
    // More than a page of today's messages, so the latest page does not reach back to June.
    for (let i = 0; i < 40; i++) await post(i % 2 ? instructor : student, `Today ${i}.`, today)

    const page = await newPage(student)
    await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    const frames: string[] = []
    page.on('websocket', ws => ws.on('framereceived', frame => void frames.push(String(frame.payload))))
    await visit(page, `/messages/${conversationId}`)
    await bubble(page, 'Today 39.').waitFor()
    expect(await bubble(page, 'June note 0').count()).toBe(0)

    // Keyboard only: type the day, Enter.
    await page.getByLabel('Jump to date').fill('2025-06-01')
    await page.getByLabel('Jump to date').press('Enter')
    await bubble(page, 'June note 0').waitFor()
    await page.getByText(/Showing messages around .*2025/).waitFor()
    expect(new URL(page.url()).searchParams.get('day')).toBe('2025-06-01')
    expect(await bubble(page, 'May note 2').count()).toBe(1) // just before the day
    expect(await bubble(page, 'Today 39.').count()).toBe(0)
    // The day's first message is in view, and focus is on its day heading.
    const stream = page.getByRole('region', { name: 'Messages' })
    await expect.poll(async () => {
      const [box, first] = [await stream.boundingBox(), await bubble(page, 'June note 0').boundingBox()]
      return !!box && !!first && first.y >= box.y && first.y + first.height <= box.y + box.height
    }).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/June.*2025|2025.*June/)

    // A message arriving now belongs after what this window shows: it waits for "Load newer".
    await post(instructor, 'Arrived while away.', today)
    await expect.poll(() => frames.some(frame => frame.includes('Arrived while away.'))).toBe(true)
    await page.evaluate(() => new Promise(resolve => requestAnimationFrame(resolve)))
    expect(await bubble(page, 'Arrived while away.').count()).toBe(0)
    const loadNewer = page.getByRole('button', { name: 'Load newer messages' })
    const newerPage = () => page.waitForResponse(r => r.request().method() === 'GET' && r.url().includes(`/api/conversations/${conversationId}/messages?`) && r.url().includes('after='))
    // Each click loads one page of newer messages (the window starts a few pages behind): click,
    // wait for that page's answer and for the button to be ready again or gone, until it arrives.
    for (let clicks = 0; !(await bubble(page, 'Arrived while away.').count()); clicks++) {
      expect(clicks, 'clicks on "Load newer messages"').toBeLessThan(6)
      await Promise.all([newerPage(), loadNewer.click()])
      await page.locator('.newer button:disabled').waitFor({ state: 'detached' })
    }
    await loadNewer.waitFor({ state: 'detached' }) // the window now reaches the newest
    for (const text of ['Today 0.', 'Today 39.', 'Arrived while away.', 'June note 3']) expect(await bubble(page, text).count(), text).toBe(1)

    await page.getByRole('button', { name: 'Back to latest' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.has('day')).toBe(false)
    await expect.poll(() => bubble(page, 'June note 0').count()).toBe(0)
    expect(await bubble(page, 'Arrived while away.').count()).toBe(1)
    expect(await bubble(page, 'Today 39.').count()).toBe(1)
    expect(await loadNewer.count()).toBe(0)

    // Writing from a past day's window: the message goes to the newest end, and so does the view.
    await page.getByLabel('Jump to date').fill('2025-05-30')
    await page.getByRole('button', { name: 'Go' }).click()
    await bubble(page, 'May note 0').waitFor()
    await composer(page).fill('Sent from the past.')
    await composer(page).press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.has('day')).toBe(false)
    await expect.poll(() => bubble(page, 'Sent from the past.').getAttribute('data-status')).toBe('sent')
    expect(await bubble(page, 'May note 0').count()).toBe(0)
  })

  it('downloads the conversation as a zip from "Download conversation", with the keyboard', async () => {
    const page = await chatTab(pair.student, pair.conversationId)
    const link = page.getByRole('link', { name: 'Download conversation' })
    // The browser's time zone joins the address once the page runs.
    await expect.poll(() => link.getAttribute('href')).toMatch(new RegExp(`^/api/conversations/${pair.conversationId}/export\\?tz=`))
    await link.focus()
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    expect(download.suggestedFilename()).toMatch(/^conversation-iris-teacher-\d{4}-\d{2}-\d{2}\.zip$/)
    const chunks: Buffer[] = []
    for await (const chunk of (await download.createReadStream())) chunks.push(chunk as Buffer)
    const entries = readZip(Buffer.concat(chunks))
    expect(entries.map(e => e.name)).toEqual(expect.arrayContaining(['transcript.html', 'transcript.txt', 'messages.json']))
    expect(entries.find(e => e.name === 'transcript.html')!.data.toString()).toContain('Enrolled in Conversations Course')
  })

  it('clears unread in the student\'s other tab when one tab reads the conversation', async () => {
    // A pair of its own: the other tests' tabs are still open, reading as messages come.
    const fresh = await enrolledPair()
    await fresh.instructor.post(`/api/conversations/${fresh.conversationId}/messages`, { type: 'INSTRUCTOR_RESPONSE', body: 'A question for you', targetDate: new Date().toISOString().slice(0, 10), clientKey: `k-${Date.now()}` })
    const list = await newPage(fresh.student)
    await list.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    await visit(list, '/messages')
    const row = list.getByTestId('conversation-row').filter({ hasText: 'Iris Teacher' })
    await row.getByLabel(/unread/).waitFor()
    await chatTab(fresh.student, fresh.conversationId)
    await expect.poll(() => row.getByLabel(/unread/).count(), { timeout: 5000 }).toBe(0)
  })
})

describe('typing, read receipts and presence in the browser', () => {
  const typingLine = (page: Page) => page.getByTestId('typing')

  it('shows the instructor that the student is typing, lets it expire by itself, and drops it when the message arrives', async () => {
    const { student, instructor, conversationId } = await enrolledPair()
    const [studentPage, instructorPage] = await Promise.all([chatTab(student, conversationId), chatTab(instructor, conversationId)])
    await Promise.all([bubble(studentPage, 'Enrolled in').waitFor(), bubble(instructorPage, 'Enrolled in').waitFor()])

    // A few keystrokes, then a pause: the indicator shows, stays a while, then goes by itself.
    await composer(studentPage).pressSequentially('Thinking', { delay: 40 })
    await typingLine(instructorPage).getByText('Sol Learner is typing…').waitFor({ timeout: 5000 })
    const shownAt = Date.now()
    await instructorPage.waitForTimeout(2500)
    expect(await typingLine(instructorPage).innerText()).toContain('Sol Learner is typing…')
    await expect.poll(() => typingLine(instructorPage).innerText(), { timeout: 8000 }).toBe('')
    expect(Date.now() - shownAt).toBeGreaterThan(3500) // it expired, ~5 s after the last signal
    expect(await typingLine(studentPage).innerText()).toBe('') // never shown to the typist

    // Typing again, then sending: it goes when the message lands, long before it would expire.
    await composer(studentPage).pressSequentially(' about lesson two', { delay: 60 })
    await typingLine(instructorPage).getByText('is typing…').waitFor({ timeout: 5000 })
    await composer(studentPage).press('Enter')
    await bubble(instructorPage, 'Thinking about lesson two').waitFor({ timeout: 5000 })
    await expect.poll(() => typingLine(instructorPage).innerText(), { timeout: 1000 }).toBe('')
  })

  it('shows "Seen" under the student\'s message once the instructor opens the conversation, also after a reload', async () => {
    const { student, instructor, conversationId } = await enrolledPair()
    const studentPage = await chatTab(student, conversationId)
    await composer(studentPage).fill('Did you see my question?')
    await composer(studentPage).press('Enter')
    const mine = bubble(studentPage, 'Did you see my question?')
    await expect.poll(() => mine.getAttribute('data-status')).toBe('sent')
    expect(await mine.getByTestId('seen').count()).toBe(0)
    expect(await mine.innerText()).toContain('Sent')

    await chatTab(instructor, conversationId)
    await expect.poll(() => mine.getByTestId('seen').count(), { timeout: 5000 }).toBe(1)
    expect(await mine.getByTestId('seen').innerText()).toMatch(/^Seen \d{1,2}:\d{2}/)
    // Only the last message the instructor has read carries it: the enrolment activity does not.
    expect(await studentPage.getByTestId('seen').count()).toBe(1)

    await studentPage.reload()
    await studentPage.waitForSelector('html[data-hydrated="true"]')
    await bubble(studentPage, 'Did you see my question?').getByTestId('seen').waitFor()
  })

  it('shows the other person online while their tab is open, away when it is hidden, offline when it closes', async () => {
    const { student, instructor, conversationId } = await enrolledPair()
    const list = await newPage(student)
    await list.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    await visit(list, '/messages')
    const rowDot = list.getByTestId('conversation-row').filter({ hasText: 'Iris Teacher' }).getByTestId('presence')
    const studentChat = await chatTab(student, conversationId)
    const headerDot = studentChat.getByRole('heading', { name: /Iris Teacher/ }).getByTestId('presence')
    const statuses = async () => [await rowDot.getAttribute('data-presence'), await headerDot.getAttribute('data-presence')]
    await expect.poll(statuses).toEqual(['offline', 'offline'])

    const instructorPage = await newPage(instructor)
    await visit(instructorPage, '/studio')
    await expect.poll(statuses, { timeout: 5000 }).toEqual(['online', 'online'])
    expect(await headerDot.innerText()).toBe('Online')

    // The instructor switches to another tab: the page is hidden, as the browser would report it.
    await instructorPage.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    await expect.poll(statuses, { timeout: 5000 }).toEqual(['away', 'away'])
    expect(await headerDot.innerText()).toBe('Away')

    await instructorPage.close()
    await expect.poll(statuses, { timeout: 5000 }).toEqual(['offline', 'offline'])
  })
})

describe('presence while this tab is cut off', () => {
  it('shows the other person as unknown, not online, while this tab\'s socket is down, and live again after', async () => {
    const { student, instructor, conversationId } = await enrolledPair()
    const page = await newPage(student)
    await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    const link = { blocked: false, current: undefined as WebSocketRoute | undefined }
    await page.routeWebSocket(/\/_ws$/, (ws) => {
      if (link.blocked) return ws.close({ code: 1006, reason: 'network down' })
      link.current = ws
      const server = ws.connectToServer()
      ws.onMessage(message => server.send(message))
      server.onMessage(message => ws.send(message))
    })
    await visit(page, `/messages/${conversationId}`)
    const headerDot = page.getByRole('heading', { name: /Iris Teacher/ }).getByTestId('presence')
    const instructorPage = await newPage(instructor)
    await visit(instructorPage, '/studio')
    await expect.poll(() => headerDot.getAttribute('data-presence'), { timeout: 5000 }).toBe('online')

    link.blocked = true
    await link.current!.close({ code: 1006, reason: 'network down' })
    await expect.poll(() => headerDot.getAttribute('data-presence')).toBe('unknown')
    expect(await headerDot.innerText()).toBe('Status unknown')
    // Meanwhile the instructor leaves: this tab cannot know, and does not claim otherwise.
    await instructorPage.close()

    link.blocked = false
    await expect.poll(() => headerDot.getAttribute('data-presence'), { timeout: 20_000 }).toBe('offline')
  })
})

describe('a reader in another time zone and language', () => {
  // The server renders in UTC and knows only the language: the page must hydrate without a
  // mismatch (the browser tests fail on the console error Vue logs for one) and then show the
  // reader's own clock. Kiritimati is UTC+14: its clock differs from UTC's at every hour.
  const reader = { timezoneId: 'Pacific/Kiritimati', locale: 'de-DE' }

  it('shows each message\'s time on the reader\'s clock after a clean hydration', async () => {
    const { student, conversationId } = await enrolledPair()
    const sent = data(await student.post<{ createdAt: string }>(`/api/conversations/${conversationId}/messages`, { type: 'DAILY_NOTE', body: 'Written far east', targetDate: new Date().toISOString().slice(0, 10), clientKey: randomUUID() }))
    const page = await newPage(student, reader)
    await visit(page, `/messages/${conversationId}`)
    const expected = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: reader.timezoneId }).format(new Date(sent.createdAt))
    await expect.poll(() => bubble(page, 'Written far east').locator('time').first().innerText()).toBe(expected)
  })
})

describe('presence while the browser is offline', () => {
  it('shows the other person as unknown as soon as the browser goes offline, and live again once it is back', async () => {
    const { student, instructor, conversationId } = await enrolledPair()
    const page = await newPage(student)
    await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    await visit(page, `/messages/${conversationId}`)
    const headerDot = page.getByRole('heading', { name: /Iris Teacher/ }).getByTestId('presence')
    const instructorPage = await newPage(instructor)
    await visit(instructorPage, '/studio')
    await expect.poll(() => headerDot.getAttribute('data-presence'), { timeout: 5000 }).toBe('online')

    // Chromium's offline mode keeps an open socket working, and a real outage is noticed by the
    // heartbeat only after up to 35 s: the browser's offline event is what says it first.
    await page.context().setOffline(true)
    await expect.poll(() => headerDot.getAttribute('data-presence'), { timeout: 5000 }).toBe('unknown')
    await page.context().setOffline(false)
    await expect.poll(() => headerDot.getAttribute('data-presence'), { timeout: 5000 }).toBe('online')
  })
})

describeWithDatabase('an observer in the browser', () => {
  it('sees the shared messages of the linked pair only, and no composer', async () => {
    const { instructor, student, conversationId } = await enrolledPair()
    const observer = await linkedObserver({ instructor, student }, 'Opal Parent')
    const today = new Date().toISOString().slice(0, 10)
    await instructor.post(`/api/conversations/${conversationId}/messages`, { type: 'INSTRUCTOR_RESPONSE', body: 'Private feedback', targetDate: today, clientKey: 'k-private-1' })
    await instructor.post(`/api/conversations/${conversationId}/messages`, { type: 'INSTRUCTOR_RESPONSE', body: 'Shared progress update', targetDate: today, clientKey: 'k-shared-1', access: 'OBSERVERS' })
    const page = await chatTab(observer, conversationId)
    await bubble(page, 'Shared progress update').waitFor()
    expect(await bubble(page, 'Private feedback').count()).toBe(0)
    await page.getByText('You are observing').waitFor()
    await page.getByText('The beginning of Sol Learner’s conversation with Iris Teacher.').waitFor()
    expect(await page.getByText('The beginning of your conversation').count()).toBe(0)
    expect(await composer(page).count()).toBe(0)
    // Nothing of the participants' presence, typing or reading reaches an observer's page.
    expect(await page.getByTestId('presence').count()).toBe(0)
    expect(await page.getByTestId('typing').count()).toBe(0)
    expect(await page.getByTestId('seen').count()).toBe(0)
  })
})
