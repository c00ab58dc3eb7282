// Hands h3 the already unsealed session of a cookie seen before (server/utils/session-cache.ts):
// h3's getSession returns `event.context.sessions[name]` when it is set, so nuxt-auth-utils and
// requireUser read it without unsealing. After a request that unsealed one, it is kept, unless
// the request sealed a new session (sign-in, sign-out, an update): then the cookie's old value no
// longer describes what the request ended with.
import { SESSION_COOKIE, sessionCookieValue } from '../utils/session-cookie'
import { cachedSession, keepSession } from '../utils/session-cache'
import type { UnsealedSession } from '../utils/session-cache'

type SessionContext = { sessions?: Record<string, UnsealedSession>, sealedSession?: string }

export default defineNitroPlugin((nitroApp) => {
  const maxAgeMs = (Number(useRuntimeConfig().session.maxAge) || 0) * 1000 || Number.POSITIVE_INFINITY

  nitroApp.hooks.hook('request', (event) => {
    // h3 reads a session header before the cookie; such a request is left to h3 entirely.
    if (getRequestHeader(event, `x-${SESSION_COOKIE}-session`)) return
    const sealed = sessionCookieValue(getRequestHeader(event, 'cookie'))
    if (!sealed) return
    const context = event.context as SessionContext
    const session = cachedSession(sealed)
    if (session) (context.sessions ??= Object.create(null))[SESSION_COOKIE] = session
    else context.sealedSession = sealed
  })

  nitroApp.hooks.hook('afterResponse', (event) => {
    const context = event.context as SessionContext
    const session = context.sessions?.[SESSION_COOKIE]
    if (!context.sealedSession || !session?.id) return
    const setCookie = event.node.res.getHeader('set-cookie')
    if ([setCookie ?? []].flat().some(cookie => String(cookie).startsWith(`${SESSION_COOKIE}=`))) return
    keepSession(context.sealedSession, session, maxAgeMs)
  })
})
