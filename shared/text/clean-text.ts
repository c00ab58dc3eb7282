// Text Lectern will store or look up: no NUL character (PostgreSQL's text type cannot hold one,
// so it would fail deep in a query) and no lone surrogate (half of a UTF-16 pair, which is no
// character at all and cannot be encoded as UTF-8). Checked once for every API request
// (server/middleware/04.clean-text.ts), and usable in any schema.
export const CLEAN_TEXT_MESSAGE = 'Text may not contain NUL characters or broken Unicode'

export function isCleanText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed()
}

/** The first string inside a JSON value (keys included) that is not clean text, if any. */
export function findUncleanText(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : value
  if (depth > 64 || value === null || typeof value !== 'object') return null
  for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    if (typeof key === 'string' && !isCleanText(key)) return key
    const found = findUncleanText(item, depth + 1)
    if (found !== null) return found
  }
  return null
}
