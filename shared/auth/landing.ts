// Where a user lands after signing in or up: shared by the app (its forms) and the server (the
// sign-in form posted without JavaScript, answered with a redirect).
type Role = 'INSTRUCTOR' | 'STUDENT' | 'OBSERVER'

/** Where a user lands after signing in, unless a `next` page was asked for. */
export function homeFor(role: Role | undefined): string {
  if (role === 'INSTRUCTOR') return '/studio'
  return role === 'STUDENT' ? '/learn' : '/'
}

/** A same-site path from `?next=`, else `fallback`: never another site (`//evil`, `/\evil`). */
export function nextPath(next: unknown, fallback: string): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback
}
