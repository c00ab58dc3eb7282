// Which failed writes are sent again by themselves (plugins/vue-query.ts's mutation default): a
// state-setting method that failed on the line; never a POST, never a refusal.
import { describe, expect, it } from 'vitest'
import { ApiRequestError, isConnectionFailure, retriesSafely } from '../../composables/api/api-client'

const failed = (status: number, method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE') =>
  new ApiRequestError(status, { code: 'UNAVAILABLE', message: 'test' }, method)

describe('retriesSafely', () => {
  it('sends a PUT, PATCH or DELETE again after no answer or a gateway error', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const status of [0, 502, 503, 504]) expect(retriesSafely(failed(status, method)), `${method} ${status}`).toBe(true)
    }
  })

  it('never sends a POST again: it may have created something already', () => {
    expect(retriesSafely(failed(0, 'POST'))).toBe(false)
    expect(retriesSafely(failed(503, 'POST'))).toBe(false)
  })

  it('takes a refusal or a server error as final, and anything without a known method', () => {
    for (const status of [400, 401, 404, 409, 422, 429, 500]) expect(retriesSafely(failed(status, 'PATCH')), String(status)).toBe(false)
    expect(retriesSafely(failed(0))).toBe(false)
    expect(retriesSafely(new Error('not ours'))).toBe(false)
    expect(isConnectionFailure(failed(504))).toBe(true)
    expect(isConnectionFailure(failed(500))).toBe(false)
  })
})
