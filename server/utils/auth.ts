// Who is asking. Every action route starts with one of these. The sealed cookie only names a
// Session row; the row and its user are read on every request (one primary-key read), so a
// signed-out, expired or revoked session, a deleted account and a changed role take effect at
// once, on every instance, not when the cookie expires.
import type { H3Event } from 'h3'
import type { User } from '#auth-utils'
import { AppError } from './errors'
import { findSessionUser } from '../services/session/find-session-user'
import { createSession } from '../services/session/create-session'
import { revokeSession } from '../services/session/revoke-session'
import { lecternConfig } from './config'
import { hasSessionCookie } from './session-cookie'

export interface SignedIn { user: User, sessionId: string }

type AuthContext = { signedIn?: Promise<SignedIn | null> }

/** The session id sealed in the request's cookie; a cookie sealed with another password, or tampered with, is none. */
async function sealedSessionId(event: H3Event): Promise<string | null> {
  if (!hasSessionCookie(getRequestHeader(event, 'cookie'))) return null
  const session = await getUserSession(event).catch(() => null)
  return session?.secure?.sessionId ?? null
}

/** The signed-in user and session of this request, or null; read once per request. */
export function currentSession(event: H3Event): Promise<SignedIn | null> {
  const context = event.context as AuthContext
  context.signedIn ??= sealedSessionId(event).then(async (sessionId) => {
    if (!sessionId) return null
    const user = await findSessionUser({ sessionId })
    return user ? { user, sessionId } : null
  })
  return context.signedIn
}

export async function requireSession(event: H3Event): Promise<SignedIn> {
  const signedIn = await currentSession(event)
  if (signedIn) return signedIn
  // A cookie whose session ended is dropped, so the browser stops sending it.
  if (hasSessionCookie(getRequestHeader(event, 'cookie'))) await clearUserSession(event)
  throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
}

export async function requireUser(event: H3Event): Promise<User> {
  return (await requireSession(event)).user
}

export async function requireInstructor(event: H3Event): Promise<User> {
  const user = await requireUser(event)
  if (user.role !== 'INSTRUCTOR') throw new AppError('FORBIDDEN', 'Only instructors can use the course studio')
  return user
}

/**
 * Sign-in and sign-up: a new session row and a new cookie. The session this browser had before
 * (if any) ends, so the cookie it replaces stops working too.
 */
export async function startSession(event: H3Event, user: User): Promise<void> {
  const previous = await currentSession(event)
  if (previous) await revokeSession({ userId: previous.user.id, sessionId: previous.sessionId })
  const session = await createSession({ user, userAgent: getRequestHeader(event, 'user-agent') })
  const maxAge = lecternConfig().sessionMaxDays * 86_400
  await replaceUserSession(event, { user, secure: { sessionId: session.id }, loggedInAt: Date.now() }, { maxAge })
  ;(event.context as AuthContext).signedIn = Promise.resolve({ user, sessionId: session.id })
}

/**
 * The signed-in user behind a plain web request (socket upgrades, the upload protocol), or null.
 * Same rules as requireUser.
 */
export async function userFromHeaders(headers: Headers): Promise<(User & { sessionId: string }) | null> {
  if (!hasSessionCookie(headers.get('cookie'))) return null
  const session = await getUserSession({ headers, context: {} }).catch(() => null)
  const sessionId = session?.secure?.sessionId
  if (!sessionId) return null
  const user = await findSessionUser({ sessionId })
  return user ? { ...user, sessionId } : null
}
