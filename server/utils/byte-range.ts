/**
 * Parses an HTTP Range header for one byte range (what video players send). Returns null for no
 * or an unusable header (serve everything), or 'unsatisfiable' for a range outside the file (416).
 */
export function parseByteRange(header: string | undefined, size: number): { start: number, end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '')
  if (!match || (!match[1] && !match[2])) return null
  let start: number
  let end: number
  if (!match[1]) { // the last N bytes
    const suffix = Number(match[2])
    if (suffix === 0) return 'unsatisfiable'
    start = Math.max(0, size - suffix)
    end = size - 1
  }
  else {
    start = Number(match[1])
    end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1
  }
  if (start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}
