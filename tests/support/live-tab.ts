// Tabs for live tests: what they show can only have come through the socket.
import { expect } from 'vitest'
import { courseChannel } from '../../shared/realtime/channels'
import type { ApiClient } from './api-client'
import { newPage } from './browser'
import type { PageOptions } from './browser'

/**
 * A tab whose fallback polling and focus refetch are off, so a change it shows can only have come
 * through the socket; its socket runs through a Playwright route that tells the test when
 * `channel` is subscribed (events sent before that would be missed) and keeps every event the
 * server sent. `listRequests` gathers the tab's GETs of `listPath` (the list the test watches):
 * a live update needs none, so a test can clear it once subscribed and expect it to stay empty.
 */
export async function liveChannelTab(client: ApiClient, channel: string, listPath: string, options: PageOptions = {}) {
  const page = await newPage(client, options)
  await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
  let subscribed = false
  const events: Array<{ type: string, [key: string]: unknown }> = []
  await page.routeWebSocket(/\/_ws$/, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage(message => server.send(message))
    server.onMessage((message) => {
      const parsed = JSON.parse(String(message))
      if (parsed.op === 'subscribed' && parsed.channel === channel) subscribed = true
      if (parsed.op === 'event') events.push(parsed.event)
      ws.send(message)
    })
  })
  const listRequests: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === listPath) listRequests.push(request.url())
  })
  return { page, listRequests, events, subscribed: () => expect.poll(() => subscribed, { timeout: 5000 }).toBe(true) }
}

/** An instructor's tab on a course: `listRequests` are the students list's. */
export async function liveTab(owner: ApiClient, courseId: string, options: PageOptions = {}) {
  const tab = await liveChannelTab(owner, courseChannel(courseId), `/api/courses/${courseId}/students`, options)
  return { ...tab, subscribedToCourse: tab.subscribed }
}
