// Observers by invitation in the browser: the instructor invites an email with no account from the
// conversation's observers panel, the parent opens the mail's link on a 375 px phone, sets a name
// and password, and lands in the conversation reading only what is shared with observers.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { randomBytes } from 'node:crypto'
import { data } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { conversationPair, sendMessage } from '../support/conversation-fixtures'
import { describeWithDatabase } from '../support/database'
import { linkIn, waitForMail } from '../support/mailbox'

async function fitsWidth(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(width)
}
const phone = { width: 375, height: 812 }
const newEmail = () => `parent-${randomBytes(4).toString('hex')}@example.test`

describeWithDatabase('observer invitations in the browser', () => {
  it('invites a parent from the observers panel; the parent accepts on a phone and lands in the conversation as an observer', async () => {
    const { instructor, conversationId } = await conversationPair({ instructorName: 'Iris Teacher', studentName: 'Sol Learner' })
    data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Shared: great progress this week', access: 'OBSERVERS' }))
    data(await sendMessage(instructor, conversationId, { type: 'INSTRUCTOR_RESPONSE', body: 'Private: a word about the pace' }))
    const email = newEmail()

    const page = await newPage(instructor)
    await visit(page, `/messages/${conversationId}`)
    const panel = page.getByTestId('observers-panel')
    await panel.getByText('No observers yet.').waitFor()
    await panel.getByLabel('Link an observer by email').fill(email)
    await panel.getByRole('button', { name: 'Link' }).click()
    const row = panel.getByTestId('invitation-row').filter({ hasText: email })
    await row.getByText('Invited').waitFor()

    const link = linkIn(await waitForMail(email), '/invitation')
    const parent = await newPage(undefined, { viewport: phone })
    await visit(parent, `${link.pathname}${link.search}`)
    await parent.getByText('Iris Teacher invited you to follow Sol Learner’s conversation').waitFor()
    await fitsWidth(parent, phone.width)
    await parent.getByRole('button', { name: 'Create my account' }).click()
    await parent.getByText('Enter your name').waitFor()
    await parent.getByLabel('Your name').fill('Pat Parent')
    await parent.getByLabel('Password').fill('parent-password')
    await parent.getByRole('button', { name: 'Create my account' }).click()

    await parent.waitForURL(url => url.pathname === `/messages/${conversationId}`)
    await parent.getByTestId('message').filter({ hasText: 'Shared: great progress this week' }).waitFor()
    expect(await parent.getByText('Private: a word about the pace').count()).toBe(0)
    await fitsWidth(parent, phone.width)

    // The instructor's panel (live, through the socket) now lists the observer, not the invitation.
    await panel.getByTestId('observer-row').filter({ hasText: 'Pat Parent' }).waitFor()
    await expect.poll(() => panel.getByTestId('invitation-row').count()).toBe(0)

    // The link was used: opened again, it says so.
    const again = await newPage(undefined, { viewport: phone })
    await visit(again, `${link.pathname}${link.search}`)
    await again.getByTestId('invitation-refused').filter({ hasText: 'already accepted' }).waitFor()
  }, 60_000)

  it('cancels an invitation from the panel on a phone, after which its link is refused', async () => {
    const { instructor, conversationId } = await conversationPair()
    const email = newEmail()
    const page = await newPage(instructor, { viewport: phone })
    await visit(page, `/messages/${conversationId}`)
    // On a phone the panel is a drawer opened from the header.
    await page.getByRole('button', { name: 'Observers', exact: true }).click()
    const panel = page.getByTestId('observers-panel')
    await panel.getByLabel('Link an observer by email').fill(email)
    await panel.getByRole('button', { name: 'Link' }).click()
    const row = panel.getByTestId('invitation-row').filter({ hasText: email })
    await row.getByText('Invited').waitFor()
    await fitsWidth(page, phone.width)
    const link = linkIn(await waitForMail(email), '/invitation')

    await row.getByRole('button', { name: `Resend the invitation to ${email}` }).click()
    const resent = linkIn(await waitForMail(email, { count: 2 }), '/invitation')
    expect(resent.toString()).not.toBe(link.toString())
    await row.getByRole('button', { name: `Cancel the invitation to ${email}` }).click()
    await expect.poll(() => panel.getByTestId('invitation-row').count()).toBe(0)
    // Still gone after a reload: the server withdrew it.
    await visit(page, `/messages/${conversationId}`)
    await page.getByRole('button', { name: 'Observers', exact: true }).click()
    await panel.getByText('No observers yet.').waitFor()
    expect(await panel.getByTestId('invitation-row').count()).toBe(0)

    const parent = await newPage(undefined, { viewport: phone })
    await visit(parent, `${resent.pathname}${resent.search}`)
    await parent.getByTestId('invitation-refused').filter({ hasText: 'not valid' }).waitFor()
  }, 60_000)
})
