// The envelope every action route answers with (ARCHITECTURE: "{ success, data?, error? }").

export const ERROR_CODES = [
  'VALIDATION', // 400: body, query or params do not match the schema; `fields` says where
  'BAD_REQUEST', // 400: unreadable request (malformed JSON, wrong content type)
  'UNAUTHENTICATED', // 401: no valid session
  'FORBIDDEN', // 403: signed in, but this role may not do this
  'NOT_FOUND', // 404: missing, or not yours (the two are indistinguishable on purpose)
  'CONFLICT', // 409: the resource is not in a state that allows this
  'PAYLOAD_TOO_LARGE', // 413
  'UNPROCESSABLE', // 422: valid shape, refused by a business rule
  'RATE_LIMITED', // 429: `retryAfter` seconds in `details`
  'INTERNAL', // 500: a bug; the message never leaks internals
  'UNAVAILABLE', // 503: a dependency (database, storage, redis) is down
] as const

export type ErrorCode = typeof ERROR_CODES[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /** Field path (e.g. "title") → messages, for validation errors. */
  fields?: Record<string, string[]>
  details?: Record<string, unknown>
}

export type ApiResponse<T>
  = | { success: true, data: T }
    | { success: false, error: ApiError }
