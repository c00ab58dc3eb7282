// An instructor's tab for live tests of the course channel.
import { expect } from 'vitest'
import { courseChannel } from '../../shared/realtime/channels'
import type { ApiClient } from './api-client'
import { newPage } from './browser'

/**
 * An instructor's tab whose fallback polling and focus refetch are off, so a change it shows
 * can only have come through the socket; its socket runs through a Playwright route that tells
 * the test when the course channel is subscribed (events sent before that would be missed).
 */
export async function liveTab(owner: ApiClient, courseId: string) {
  const page = await newPage(owner)
  await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
  const channel = courseChannel(courseId)
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
  // Every request the tab makes for the students list, after load.
  const listRequests: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/courses/${courseId}/students`) listRequests.push(request.url())
  })
  return { page, listRequests, subscribedToCourse: () => expect.poll(() => subscribed, { timeout: 5000 }).toBe(true) }
}
