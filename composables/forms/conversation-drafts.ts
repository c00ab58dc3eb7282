// Where the composer keeps its drafts (local storage, one per conversation), apart from the form
// itself: signing out clears them from the header, and the header is on every page, so this must
// not bring the form library and the schemas into every page's first download.
const DRAFT_PREFIX = 'lectern:draft:'

export const draftKey = (conversationId: string) => `${DRAFT_PREFIX}${conversationId}`

/** Signing out: every draft leaves this browser (the next person at it must not read them). */
export function clearAllDrafts(): void {
  // Every key with the prefix, whichever conversations they are: a sweep, not one reactive entry.
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key)
  }
}
