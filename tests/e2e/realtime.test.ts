import { describe, expect, it } from 'vitest'
import type { Page, WebSocketRoute } from 'playwright-core'
import type { Course } from '../../shared/types/course'
import { data, signedUp } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'

/**
 * A studio tab whose fallback polling and focus refetch are off, so anything new it shows can
 * only have come through the socket. Its socket runs through a Playwright route, so the test can
 * cut the connection the way a network or a server restart would, and see which channels the
 * server has confirmed (an event sent before that cannot reach the tab).
 */
async function liveTab(owner: ApiClient) {
  const page = await newPage(owner)
  await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
  const link = { blocked: false, current: undefined as WebSocketRoute | undefined, connections: 0, subscribed: new Set<string>() }
  await page.routeWebSocket(/\/_ws$/, (ws) => {
    if (link.blocked) return ws.close({ code: 1006, reason: 'network down' })
    link.connections++
    link.current = ws
    const server = ws.connectToServer()
    ws.onMessage(message => server.send(message))
    server.onMessage((message) => {
      const parsed = JSON.parse(String(message))
      if (parsed.op === 'subscribed') link.subscribed.add(parsed.channel)
      ws.send(message)
    })
  })
  return { page, link }
}

const courseLink = (page: Page, title: string) => page.getByRole('link', { name: title, exact: true })

describe('live updates between tabs', () => {
  it('shows another tab\'s create, edit, delete and restore within a second, through the socket', async () => {
    const owner = await signedUp()
    const { page: watcher } = await liveTab(owner)
    await visit(watcher, '/studio')
    await watcher.getByRole('heading', { name: 'No courses yet' }).waitFor()

    // The other tab is a real browser tab too: it creates through the dialog.
    const editor = await newPage(owner)
    await visit(editor, '/studio')
    await editor.getByRole('button', { name: 'Create your first course' }).click()
    const dialog = editor.getByRole('dialog', { name: 'New course' })
    await dialog.getByLabel('Title', { exact: true }).fill('Seen In Both Tabs')
    await dialog.getByLabel('Category', { exact: true }).selectOption('Music')
    await dialog.getByRole('button', { name: 'Create course' }).click()
    await courseLink(watcher, 'Seen In Both Tabs').waitFor({ timeout: 5000 })

    const [course] = data(await owner.get<Course[]>('/api/courses'))
    await owner.patch(`/api/courses/${course!.id}`, { title: 'Renamed In The Other Tab' })
    await courseLink(watcher, 'Renamed In The Other Tab').waitFor({ timeout: 5000 })

    await owner.delete(`/api/courses/${course!.id}`)
    await watcher.getByRole('heading', { name: 'No courses yet' }).waitFor({ timeout: 5000 })
    await owner.post(`/api/courses/${course!.id}/restore`)
    await courseLink(watcher, 'Renamed In The Other Tab').waitFor({ timeout: 5000 })
  })

  it('says when live updates pause, keeps working, and catches up after reconnecting', async () => {
    const owner = await signedUp()
    const course = data(await owner.post<Course>('/api/courses', { title: 'Before The Outage', category: 'Design' }))
    const { page, link } = await liveTab(owner)
    await visit(page, '/studio')
    await courseLink(page, 'Before The Outage').waitFor()
    expect(await page.getByTestId('live-status').count()).toBe(0)

    // The connection drops and stays down.
    link.blocked = true
    await link.current!.close({ code: 1006, reason: 'network down' })
    await page.getByTestId('live-status').filter({ hasText: 'Live updates paused' }).waitFor()

    // Meanwhile another tab renames the course; this tab cannot hear it.
    data(await owner.patch(`/api/courses/${course.id}`, { title: 'Renamed During The Outage' }))
    // The page still works on plain requests: open the editor and come back.
    await courseLink(page, 'Before The Outage').click()
    await page.getByLabel('Title', { exact: true }).waitFor()
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Renamed During The Outage')
    await page.getByRole('link', { name: 'Your courses' }).first().click()

    // The network comes back: the client reconnects, resubscribes and refetches what it shows.
    const before = link.connections
    link.blocked = false
    await page.getByTestId('live-status').waitFor({ state: 'detached', timeout: 20_000 })
    expect(link.connections).toBeGreaterThan(before)
    await courseLink(page, 'Renamed During The Outage').waitFor()

    // Live again: the next change arrives through the socket.
    data(await owner.patch(`/api/courses/${course.id}`, { title: 'Live Again' }))
    await courseLink(page, 'Live Again').waitFor({ timeout: 5000 })
  })

  it('shows that a course open in the editor was deleted in another tab', async () => {
    const owner = await signedUp()
    const course = data(await owner.post<Course>('/api/courses', { title: 'Open Elsewhere', category: 'Design' }))
    const { page, link } = await liveTab(owner)
    await visit(page, `/studio/courses/${course.id}`)
    await page.getByLabel('Title', { exact: true }).waitFor()
    // Deleted only once the tab listens: before that, no event could reach it.
    await expect.poll(() => link.subscribed.has(`course:${course.id}`), { timeout: 5000 }).toBe(true)
    data(await owner.delete(`/api/courses/${course.id}`))
    await page.getByRole('heading', { name: 'This course isn’t available' }).waitFor({ timeout: 5000 })
  })
})
