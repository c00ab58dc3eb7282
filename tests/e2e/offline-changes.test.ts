// Changes made while the browser is offline wait in the tab and go out by themselves when the
// connection is back: the layout says they wait, the save bar says what its save waits for, and
// closing the tab asks first, since they live only in this tab.
import { describe, expect, it } from 'vitest'
import type { Course } from '../../shared/types/course'
import { data, signedUp } from '../support/api-client'
import { newPage, visit } from '../support/browser'

describe('changes made offline', () => {
  it('wait with a notice, make closing the tab ask first, and are saved when the connection is back', async () => {
    const owner = await signedUp()
    const course = data(await owner.post<Course>('/api/courses', { title: 'Edited On A Train', description: 'Written by the test.', category: 'Design' }))
    const page = await newPage(owner)
    await visit(page, `/studio/courses/${course.id}`)
    const notice = page.getByRole('status').filter({ hasText: 'You are offline' })
    expect(await notice.count()).toBe(0)

    await page.context().setOffline(true)
    await notice.filter({ hasText: 'What you change now is sent when the connection is back' }).waitFor()
    // Offline, the socket's "reconnecting" pill would promise that the page saves normally.
    expect(await page.getByTestId('live-status').count()).toBe(0)
    await page.getByLabel('Title', { exact: true }).fill('Saved After The Tunnel')
    await page.getByRole('button', { name: /^Save changes/ }).click()
    await page.locator('.save-bar').getByText('Waiting for the connection: saved when it is back').waitFor()
    await notice.filter({ hasText: '1 change is waiting to be sent: keep this tab open' }).waitFor()

    // The form is clean (saved optimistically), so only the waiting change makes the tab ask.
    const dialog = page.waitForEvent('dialog')
    await page.close({ runBeforeUnload: true })
    const asked = await dialog
    expect(asked.type()).toBe('beforeunload')
    await asked.dismiss()
    expect(page.isClosed()).toBe(false)

    await page.context().setOffline(false)
    await notice.waitFor({ state: 'detached' })
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor()
    expect(data(await owner.get<Course>(`/api/courses/${course.id}`)).title).toBe('Saved After The Tunnel')

    // Nothing waits any more: the tab closes without asking.
    let askedAgain = false
    page.on('dialog', () => {
      askedAgain = true
    })
    const closed = page.waitForEvent('close')
    await page.close({ runBeforeUnload: true })
    await closed
    expect(askedAgain).toBe(false)
  })
})
