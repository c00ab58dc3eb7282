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

  constructor(status: number, error: ApiError) {
    super(error.message)
    this.name = 'ApiRequestError'
    this.status = status
    this.code = error.code
    this.fields = error.fields
    this.details = error.details
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export type ApiCall = <T>(path: string, options?: { method?: Method, body?: unknown, query?: Record<string, unknown> }) => Promise<T>

export function useApi(): ApiCall {
  const request = useRequestFetch()
  return async function api<T>(path: string, options: { method?: Method, body?: unknown, query?: Record<string, unknown> } = {}): Promise<T> {
    try {
      const response = await request<ApiResponse<T>>(path, {
        method: options.method ?? 'GET',
        body: options.body as Record<string, unknown> | undefined,
        query: options.query,
      })
      if (!response.success) throw new ApiRequestError(200, response.error)
      return response.data
    }
    catch (error) {
      if (error instanceof ApiRequestError) throw error
      const fetchError = error as FetchError<ApiResponse<unknown>>
      const body = fetchError.data
      // "Too many, wait": how long, from the envelope or (a proxy's answer) the Retry-After header.
      const retryAfter = fetchError.statusCode === 429 ? Number(fetchError.response?.headers.get('retry-after')) || undefined : undefined
      if (body && typeof body === 'object' && 'success' in body && !body.success)
        throw new ApiRequestError(fetchError.statusCode ?? 500, retryAfter && body.error.details?.retryAfter === undefined ? { ...body.error, details: { ...body.error.details, retryAfter } } : body.error)
      if (fetchError.statusCode === 429)
        throw new ApiRequestError(429, { code: 'RATE_LIMITED', message: 'Lectern is busy. Try again in a moment.', details: { retryAfter } })
      // No envelope: the network or the server is down.
      throw new ApiRequestError(fetchError.statusCode ?? 0, {
        code: 'UNAVAILABLE',
        message: 'Lectern could not be reached. Check your connection and try again.',
      })
    }
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong'
}
