// Refuses a change (POST, PUT, PATCH, DELETE: JSON actions, body-less ones such as enrol and
// sign-out, the upload protocol's POST/PATCH/DELETE, plain form posts) that another site's page
// made a visitor's browser send (server/utils/cross-site.ts), before anything reads or writes.
// It runs first among the middleware (00.c… sorts before 00.h…), and answers every path, not only
// /api: a refusal in the usual envelope (the upload protocol's refusals have the same shape).
//
// Cookie-less requests are refused too when a browser marks them cross-site: another site could
// otherwise sign a visitor in to the attacker's account (login forgery). The internal bearer token
// cannot be attached by another site's page, so its callers (worker, HTTP bridge) always pass; they
// send no Origin anyway.
import { CROSS_SITE_MESSAGE, STATE_CHANGING_METHODS, isCrossSite } from '../utils/cross-site'

export default defineEventHandler((event) => {
  if (!STATE_CHANGING_METHODS.has(event.method)) return
  if (!isCrossSite(name => getRequestHeader(event, name)) || hasInternalToken(event)) return
  setResponseStatus(event, 403)
  setResponseHeader(event, 'content-type', 'application/json')
  return { success: false, error: { code: 'FORBIDDEN', message: CROSS_SITE_MESSAGE } }
})
