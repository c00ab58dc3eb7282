// The session cookie's name (nuxt.config.ts: runtimeConfig.session.name) and a cheap check for
// it: a request without it has no session, so there is nothing to unseal (and no new session
// should be sealed and sent back just because someone looked).
export const SESSION_COOKIE = 'lectern-session'

export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return !!cookieHeader && cookieHeader.split(';').some(part => part.trim().startsWith(`${SESSION_COOKIE}=`))
}

/** The sealed session as sent (the value of the session cookie), or null without one. */
export function sessionCookieValue(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null
  for (const part of cookieHeader.split(';')) {
    const trimmed = part.trim()
    if (trimmed.startsWith(`${SESSION_COOKIE}=`)) return trimmed.slice(SESSION_COOKIE.length + 1) || null
  }
  return null
}
