// An anonymous visitor's page render asks nuxt-auth-utils for the session (GET /api/_auth/session),
// which would create, seal and set a brand-new empty session cookie on every page view: CPU spent
// per request, and a cookie that keeps pages from being cached. Without a session cookie, the
// answer is known: no session.
export default defineEventHandler((event) => {
  if (event.method !== 'GET' || event.path !== '/api/_auth/session') return
  if (!hasSessionCookie(getRequestHeader(event, 'cookie'))) return {}
})
