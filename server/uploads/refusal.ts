// A refusal in the tus protocol: status code plus our usual error envelope as the body. Thrown
// from tus's hooks (tus-server.ts, upload-access.ts) and answered by handle-request.ts.
import type { ErrorCode } from '#shared/types/api'
import { AppError } from '../utils/errors'

export function refusal(status: number, code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { status_code: status, body: JSON.stringify({ success: false, error: { code, message, ...(details ? { details } : {}) } }) }
}

/** A service's AppError as a refusal; anything else is a failure tus answers with 500. */
export function refusalFrom(error: unknown) {
  // A 429's retryAfter travels in the body: tus answers a hook's refusal without our headers.
  if (error instanceof AppError) return refusal(error.status, error.code, error.message, error.extra.details)
  throw error
}
