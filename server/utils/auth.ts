// Who is asking. Every action route starts with one of these; the user is re-read from the
// database so a deleted account or changed role takes effect at once, not when the cookie expires.
import type { H3Event } from 'h3'
import type { User } from '#auth-utils'
import { AppError } from './errors'
import { findUser } from '../services/auth/find-user'
import { hasSessionCookie } from './session-cookie'

export async function requireUser(event: H3Event): Promise<User> {
  // A cookie sealed with another password, or tampered with, makes h3 throw: treat as signed out.
  const session = hasSessionCookie(getRequestHeader(event, 'cookie')) ? await getUserSession(event).catch(() => null) : null
  const id = session?.user?.id
  if (!id) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  const user = await findUser(id)
  if (!user) {
    await clearUserSession(event)
    throw new AppError('UNAUTHENTICATED', 'Your account no longer exists; sign in again')
  }
  return user
}

export async function requireInstructor(event: H3Event): Promise<User> {
  const user = await requireUser(event)
  if (user.role !== 'INSTRUCTOR') throw new AppError('FORBIDDEN', 'Only instructors can use the course studio')
  return user
}

/**
 * The signed-in user behind a plain web request (socket upgrades, the upload protocol), or null.
 * Same rules as requireUser: a cookie that cannot be unsealed, or a deleted account, is no one.
 */
export async function userFromHeaders(headers: Headers): Promise<(User & { sessionId: string }) | null> {
  if (!hasSessionCookie(headers.get('cookie'))) return null
  const session = await getUserSession({ headers, context: {} }).catch(() => null)
  if (!session?.user?.id) return null
  const user = await findUser(session.user.id)
  return user ? { ...user, sessionId: session.id } : null
}

/**
 * The user id sealed in the session cookie of a plain web request, without reading the account.
 * Only for checks that reach the account anyway: an upload chunk is accepted when its media row
 * (deleted with its owner) names this id as owner.
 */
export async function sessionUserId(headers: Headers): Promise<string | null> {
  if (!hasSessionCookie(headers.get('cookie'))) return null
  const session = await getUserSession({ headers, context: {} }).catch(() => null)
  return session?.user?.id ?? null
}
