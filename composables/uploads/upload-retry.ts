// What to do when an upload request fails. A refusal (the server read the request and said no:
// wrong type, too large, content that is not what it claims) is final: retrying would send the
// same bytes to the same "no". Anything else (a dropped connection, a server restarting, a 5xx, a
// 409/423 from a lock still held by the previous connection, a 429) is retried by itself with a
// back-off, and at once when the browser comes back online, from the server's offset.
import type { DetailedError } from 'tus-js-client'

/** Waits between automatic attempts; after the last one the upload waits for the user's Retry. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000, 5_000, 10_000, 20_000]

/** Statuses in the 4xx range that say "not now" rather than "no". */
const TRANSIENT_4XX = new Set([408, 409, 423, 429])

export const statusOf = (error: Error): number => (error as DetailedError).originalResponse?.getStatus?.() ?? 0

/** True when the server refused the upload itself; false when trying again may work. */
export function isRefusal(error: Error): boolean {
  const status = statusOf(error)
  return status >= 400 && status < 500 && !TRANSIENT_4XX.has(status)
}

/** The server's message from a refused request (our JSON envelope in the body), else one in plain words. */
export function refusalReason(error: Error): string {
  const body = (error as DetailedError).originalResponse?.getBody?.()
  try {
    const message = JSON.parse(body ?? '').error.message
    if (typeof message === 'string' && message) return message
  }
  catch {
    // tus's own refusals (e.g. past its largest size) answer in plain text.
  }
  const status = statusOf(error)
  if (status === 413) return 'The file is larger than the server accepts.'
  if (status === 401) return 'Your session ended: sign in again, then pick the file to continue.'
  return `The server refused the file (${status}).`
}

/**
 * Seconds a 429 asked to wait (our envelope's details.retryAfter, else the Retry-After header), or
 * null when the answer was not a 429.
 */
export function askedToWait(error: Error): number | null {
  if (statusOf(error) !== 429) return null
  const response = (error as DetailedError).originalResponse
  try {
    const seconds = Number(JSON.parse(response?.getBody?.() ?? '').error.details.retryAfter)
    if (seconds > 0) return seconds
  }
  catch {
    // not our envelope: a proxy's 429
  }
  return Number(response?.getHeader?.('retry-after')) || 5
}

export const LOST_CONNECTION = 'The connection was lost and the upload could not continue. Retry to continue from where it stopped.'

/**
 * The delays this tab uses: `localStorage['lectern:upload-retry-delays']` ("100,100,100") sets
 * shorter ones (tests use it to use the retries up without waiting half a minute).
 */
export function retryDelays(): number[] {
  // A plain read each time a retry is planned (no component here, nothing to keep reactive).
  const configured = globalThis.localStorage?.getItem('lectern:upload-retry-delays')
  if (!configured) return DEFAULT_RETRY_DELAYS_MS
  const delays = configured.split(',').map(Number).filter(n => Number.isFinite(n) && n >= 0)
  return delays.length ? delays : DEFAULT_RETRY_DELAYS_MS
}

export const browserOnline = () => globalThis.navigator?.onLine !== false
