/** Where to go after signing in or up: a same-site path from `?next=`, else `fallback`. */
export function nextPath(next: unknown, fallback: string): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback
}
