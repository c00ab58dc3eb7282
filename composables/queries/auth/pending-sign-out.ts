// A sign-out that has not reached the server yet. Only the server can end a session (its cookie
// is HttpOnly), so a sign-out asked for offline waits for the connection; it is written down in
// the browser first, so that closing the tab before then does not leave the session open on a
// shared computer: the app's next start, online, finishes it (plugins/pending-sign-out.client.ts).
const KEY = 'lectern:sign-out-pending'

export function markSignOutPending(userId: string): void {
  localStorage.setItem(KEY, userId)
}

export function isSignOutPending(userId: string): boolean {
  return localStorage.getItem(KEY) === userId
}

export function clearSignOutPending(): void {
  localStorage.removeItem(KEY)
}
