// The one way client code talks to the action boundary. Query and mutation functions call the
// `api` returned here: it forwards the session cookie during SSR (useRequestFetch), unwraps the
// `{ success, data, error }` envelope, and throws ApiRequestError with the server's code.
import type { FetchError } from 'ofetch'
import type { ApiError, ApiResponse, ErrorCode } from '#shared/types/api'

export class ApiRequestError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly fields?: Record<string, string[]>
  readonly details?: Record<string, unknown>
  /** Sending the same request again is safe (retriesSafely): it sets a state, or carries an idempotency key. */
  readonly repeatable: boolean

  constructor(status: number, error: ApiError, repeatable = false) {
    super(error.message)
    this.name = 'ApiRequestError'
    this.status = status
    this.code = error.code
    this.fields = error.fields
    this.details = error.details
    this.repeatable = repeatable
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** The line or a gateway failed (no answer, 502–504): the same request may well work in a moment. */
export const isConnectionFailure = (error: unknown): boolean =>
  error instanceof ApiRequestError && (error.status === 0 || (error.status >= 502 && error.status <= 504))

/**
 * A write that failed on the line and can be sent again as it is: PUT, PATCH and DELETE set a
 * state (a title, an order, a removal), so a second copy that lands after the first changes
 * nothing more; a POST carrying an idempotency key gets the first answer back instead of doing
 * it twice (server/middleware/06.idempotency.ts). Any other POST is not sent again.
 */
export const retriesSafely = (error: unknown): boolean => isConnectionFailure(error) && (error as ApiRequestError).repeatable

type ApiOptions = {
  method?: Method
  body?: unknown
  query?: Record<string, unknown>
  /** For a POST: the same key on every attempt of one write (composables/queries/idempotency.ts). */
  idempotencyKey?: string
}

/** A request that may be sent again as it is (see retriesSafely). */
export const isRepeatable = (options: ApiOptions): boolean => (options.method ?? 'GET') !== 'POST' || !!options.idempotencyKey

export type ApiCall = <T>(path: string, options?: ApiOptions) => Promise<T>

export function useApi(): ApiCall {
  const request = useRequestFetch()
  return async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
    const method = options.method ?? 'GET'
    const repeatable = isRepeatable(options)
    try {
      const response = await request<ApiResponse<T>>(path, {
        method,
        ...(options.idempotencyKey ? { headers: { 'idempotency-key': options.idempotencyKey } } : {}),
        body: options.body as Record<string, unknown> | undefined,
        query: options.query,
      })
      if (!response.success) throw new ApiRequestError(200, response.error, repeatable)
      return response.data
    }
    catch (error) {
      if (error instanceof ApiRequestError) throw error
      const fetchError = error as FetchError<ApiResponse<unknown>>
      const body = fetchError.data
      // "Too many, wait": how long, from the envelope or (a proxy's answer) the Retry-After header.
      const retryAfter = fetchError.statusCode === 429 ? Number(fetchError.response?.headers.get('retry-after')) || undefined : undefined
      if (body && typeof body === 'object' && 'success' in body && !body.success)
        throw new ApiRequestError(fetchError.statusCode ?? 500, retryAfter && body.error.details?.retryAfter === undefined ? { ...body.error, details: { ...body.error.details, retryAfter } } : body.error, repeatable)
      if (fetchError.statusCode === 429)
        throw new ApiRequestError(429, { code: 'RATE_LIMITED', message: 'Lectern is busy. Try again in a moment.', details: { retryAfter } }, repeatable)
      // No envelope: the network or the server is down.
      throw new ApiRequestError(fetchError.statusCode ?? 0, {
        code: 'UNAVAILABLE',
        message: 'Lectern could not be reached. Check your connection and try again.',
      }, repeatable)
    }
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong'
}
