// The instructor's side of observers in the browser: linking an observer by email from the
// conversation page, and sharing one private message with them, which the observer's own page
// (another browser, learning of it only through its socket) shows and hides live.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { conversationChannel, userChannel } from '../../shared/realtime/channels'
import type { ApiClient } from '../support/api-client'
import { data } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { conversationPair, observerAccount, sendMessage } from '../support/conversation-fixtures'
import { describeWithDatabase } from '../support/database'

/**
 * A tab that learns of changes only through its socket (fallback polling off), and tells the test
 * once the server has confirmed a channel: events sent before that would be missed.
 */
async function liveTab(client: ApiClient, path: string, channel: string) {
  const page = await newPage(client)
  await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
  let subscribed = false
  await page.routeWebSocket(/\/_ws$/, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage(message => server.send(message))
    server.onMessage((message) => {
      const parsed = JSON.parse(String(message))
      if (parsed.op === 'subscribed' && parsed.channel === channel) subscribed = true
      ws.send(message)
    })
  })
  await visit(page, path)
  await expect.poll(() => subscribed, { timeout: 5000 }).toBe(true)
  return page
}

const bubble = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text })

describeWithDatabase('observers in the browser', () => {
  it('lets the instructor link an observer by email and share a private message with them, which the observer sees arrive and leave live', async () => {
    const { instructor, student, conversationId } = await conversationPair({ instructorName: 'Iris Teacher', studentName: 'Sol Learner' })
    const observer = await observerAccount('Opal Parent')
    data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Private: a word about the pace' }))
    const observerList = await liveTab(observer, '/messages', userChannel(observer.user!.id))

    const page = await newPage(instructor)
    await visit(page, `/messages/${conversationId}`)
    const panel = page.getByTestId('observers-panel')
    await panel.getByRole('heading', { name: 'Observers of Sol Learner' }).waitFor()
    await panel.getByText('No observers yet.').waitFor()

    // A student's email is refused by the server, under the field.
    const email = panel.getByLabel('Link an observer by email')
    await email.fill(student.user!.email)
    await email.press('Enter')
    await panel.getByRole('alert').filter({ hasText: 'is not an observer account' }).waitFor()
    expect(await email.getAttribute('aria-invalid')).toBe('true')

    await email.fill(observer.user!.email)
    await panel.getByRole('button', { name: 'Link' }).click()
    await panel.getByTestId('observer-row').filter({ hasText: 'Opal Parent' }).waitFor()
    await expect.poll(() => email.inputValue()).toBe('')
    // The emptied field, left without typing, blames nobody.
    await email.blur()
    await page.evaluate(() => new Promise(resolve => requestAnimationFrame(resolve)))
    expect(await panel.getByRole('alert').count()).toBe(0)
    expect(await email.getAttribute('aria-invalid')).toBe('false')
    // The observer's list learns of the conversation live.
    await observerList.getByTestId('conversation-row').filter({ hasText: 'Sol Learner' }).waitFor({ timeout: 5000 })

    const observerPage = await liveTab(observer, `/messages/${conversationId}`, conversationChannel(conversationId))
    await bubble(observerPage, 'Enrolled in').waitFor()
    expect(await bubble(observerPage, 'Private: a word about the pace').count()).toBe(0)

    // Keyboard: open "Visibility…" on the private message, tick the observer, save.
    const visibility = bubble(page, 'Private: a word about the pace').getByRole('button', { name: /Visibility… of your message: participants only/ })
    await visibility.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Who may read this message?' })
    const grant = dialog.getByRole('checkbox', { name: /Opal Parent/ })
    await grant.check()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await bubble(page, 'Private: a word about the pace').getByTestId('visibility').innerText()).toContain('Private + 1 observer')
    await bubble(observerPage, 'Private: a word about the pace').waitFor({ timeout: 5000 })

    // Taken back: it leaves the observer's stream, live too.
    await visibility.click()
    await grant.uncheck()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => bubble(observerPage, 'Private: a word about the pace').count(), { timeout: 5000 }).toBe(0)
    // After a reload the instructor's label comes from the server, not from the optimistic write.
    await page.reload()
    await page.waitForSelector('html[data-hydrated="true"]')
    expect(await bubble(page, 'Private: a word about the pace').getByTestId('visibility').innerText()).toMatch(/^Private · /)
    expect(await bubble(observerPage, 'Enrolled in').count()).toBe(1)
  })

  it('unlinks an observer after a confirmation, and their open conversation says it is no longer theirs', async () => {
    const { instructor, conversationId } = await conversationPair({ instructorName: 'Iris Teacher', studentName: 'Sol Learner' })
    const observer = await observerAccount('Opal Parent')
    const page = await newPage(instructor)
    await visit(page, `/messages/${conversationId}`)
    const panel = page.getByTestId('observers-panel')
    await panel.getByLabel('Link an observer by email').fill(observer.user!.email)
    await panel.getByRole('button', { name: 'Link' }).click()
    const row = panel.getByTestId('observer-row').filter({ hasText: 'Opal Parent' })
    await row.waitFor()
    const observerPage = await liveTab(observer, `/messages/${conversationId}`, conversationChannel(conversationId))
    await bubble(observerPage, 'Enrolled in').waitFor()

    await row.getByRole('button', { name: 'Unlink Opal Parent' }).click()
    const confirm = page.getByRole('dialog', { name: 'Unlink this observer?' })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect(await row.count()).toBe(1)
    await row.getByRole('button', { name: 'Unlink Opal Parent' }).click()
    await confirm.getByRole('button', { name: 'Unlink' }).click()
    await expect.poll(() => row.count()).toBe(0)
    await panel.getByText('No observers yet.').waitFor()
    await observerPage.getByText('Conversation not found').waitFor({ timeout: 5000 })
  })
})
