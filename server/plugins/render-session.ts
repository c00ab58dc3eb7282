// The session a page render starts from, read on the page's own request. nuxt-auth-utils would
// ask for it with an inner request (GET /api/_auth/session) through the whole server again: every
// hook and middleware, a fake request and answer, JSON both ways; ~1 ms of CPU of a signed-in
// page's ~12 (bench/ssr.bench.ts). Here the same handler's steps run on the page's request:
// the session, the 'fetch' check of server/plugins/session-check.ts (a live row, the user as the
// database has them now), `secure` left out; an ended session is null, as the inner request's
// 401 was. plugins/session.server.ts puts the answer into the app's state.
//
// Only for a session unsealed before (server/plugins/session-cache.ts handed it to this request):
// unsealing here could seal a fresh session and set its cookie on the page when the cookie is not
// valid, which the inner request never did. The first page of a new cookie, and a cookie that does
// not unseal, still take the inner request.
import type { H3Event } from 'h3'
import { SESSION_COOKIE, hasSessionCookie } from '../utils/session-cookie'

/** What GET /api/_auth/session answers (null for its 401), or undefined: ask it. */
async function sessionForRender(event: H3Event): Promise<Record<string, unknown> | null | undefined> {
  if (!hasSessionCookie(getRequestHeader(event, 'cookie'))) return {}
  if (!event.context.sessions?.[SESSION_COOKIE]) return undefined
  try {
    const session = await getUserSession(event)
    if (Object.keys(session).length > 0) await sessionHooks.callHookParallel('fetch', session, event)
    const { secure: _secure, ...data } = session
    return data
  }
  catch {
    return null
  }
}

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:before', async ({ event }) => {
    event.context.renderSession = await sessionForRender(event)
  })
})
