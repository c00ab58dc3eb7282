// A sign-out that has not reached the server yet. Only the server can end a session (its cookie
// is HttpOnly), so a sign-out asked for offline waits for the connection; it is written down in
// the browser first, so that closing the tab before then does not leave the session open on a
// shared computer: the app's next start, online, finishes it (plugins/pending-sign-out.client.ts).
import { ApiRequestError } from '~/composables/api/api-client'

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

/**
 * Signs out and says whether the session is over on the server: it answered, or said there was no
 * session (401). Any other failure (a 5xx, no answer) leaves the mark, so the next start or
 * reconnect tries again; the app's own view of the session cannot tell, as it reads a failed
 * check as signed out.
 */
export async function signOutOnServer(signOut: () => Promise<unknown>): Promise<boolean> {
  try {
    await signOut()
  }
  catch (error) {
    if (!(error instanceof ApiRequestError && error.status === 401)) return false
  }
  clearSignOutPending()
  return true
}
