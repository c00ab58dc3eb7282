// One error type for services and one mapping to HTTP: a service throws `new AppError('NOT_FOUND',
// ...)`, `defineApiHandler` turns it into the status and `{ success: false, error }` envelope.
import type { ApiError, ErrorCode } from '#shared/types/api'

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'BAD_REQUEST',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'BAD_REQUEST',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
}

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly extra: Pick<ApiError, 'fields' | 'details'> = {},
  ) {
    super(message)
    this.name = 'AppError'
  }

  get status(): number {
    return STATUS_BY_CODE[this.code]
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.message, ...this.extra }
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`)

/** Turns anything thrown inside a route into an AppError without leaking internals. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  // h3 errors: malformed JSON, unsupported method, our own createError() calls.
  const h3 = error as { statusCode?: number, statusMessage?: string, message?: string }
  if (typeof h3?.statusCode === 'number' && h3.statusCode < 500) {
    const code = CODE_BY_STATUS[h3.statusCode] ?? 'BAD_REQUEST'
    const message = /JSON/i.test(`${h3.statusMessage} ${h3.message}`)
      ? 'The request body is not valid JSON'
      : (h3.statusMessage || h3.message || 'Bad request')
    return new AppError(code, message)
  }
  // Database connection failures answer 503: retrying later can work, unlike a bug.
  const text = String((error as Error)?.message ?? error)
  if (/ECONNREFUSED|Can't reach database|connection terminated|too many clients/i.test(text))
    return new AppError('UNAVAILABLE', 'The database is not reachable; try again shortly')
  return new AppError('INTERNAL', 'Something went wrong on our side')
}
