// Which failed writes are sent again by themselves (plugins/vue-query.ts's mutation default): one
// that may be sent again as it is, failed on the line; never a refusal.
import { MutationObserver, QueryClient } from '@tanstack/vue-query'
import { describe, expect, it } from 'vitest'
import { ApiRequestError, isConnectionFailure, isRepeatable, retriesSafely } from '../../composables/api/api-client'
import { idempotencyKeyFor } from '../../composables/queries/idempotency'

const failed = (status: number, repeatable: boolean) => new ApiRequestError(status, { code: 'UNAVAILABLE', message: 'test' }, repeatable)

describe('retriesSafely', () => {
  it('sends a repeatable request again after no answer or a gateway error', () => {
    for (const status of [0, 502, 503, 504]) expect(retriesSafely(failed(status, true)), String(status)).toBe(true)
  })

  it('takes a refusal or a server error as final, and never repeats what is not repeatable', () => {
    for (const status of [400, 401, 404, 409, 422, 429, 500]) expect(retriesSafely(failed(status, true)), String(status)).toBe(false)
    expect(retriesSafely(failed(0, false))).toBe(false)
    expect(retriesSafely(new Error('not ours'))).toBe(false)
    expect(isConnectionFailure(failed(504, false))).toBe(true)
    expect(isConnectionFailure(failed(500, false))).toBe(false)
  })
})

describe('isRepeatable', () => {
  it('is true of PUT, PATCH and DELETE, which set a state', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) expect(isRepeatable({ method }), method).toBe(true)
  })

  it('is true of a POST only when it carries an idempotency key: it may have created something already', () => {
    expect(isRepeatable({ method: 'POST' })).toBe(false)
    expect(isRepeatable({ method: 'POST', idempotencyKey: 'a-key-of-sixteen-chars' })).toBe(true)
  })
})

describe('idempotencyKeyFor', () => {
  it('gives one mutate() the same key on every attempt Vue Query makes, and the next mutate() its own', async () => {
    const client = new QueryClient()
    const sent: string[] = []
    const observer = new MutationObserver<string, Error, { title: string }>(client, {
      mutationFn: async (_variables, attempt) => {
        sent.push(idempotencyKeyFor(attempt))
        // The first attempt of each write is lost on the line.
        if (sent.length % 2 === 1) throw new ApiRequestError(0, { code: 'UNAVAILABLE', message: 'no answer' }, true)
        return 'created'
      },
      retry: (count, error) => count < 3 && retriesSafely(error),
      retryDelay: 0,
    })
    const variables = { title: 'Week one' }
    expect(await observer.mutate(variables)).toBe('created')
    expect(await observer.mutate(variables)).toBe('created')
    expect(sent).toHaveLength(4)
    expect(sent[0]).toMatch(/^[\w-]{16,100}$/)
    expect(sent[1]).toBe(sent[0])
    expect(sent[3]).toBe(sent[2])
    expect(sent[2]).not.toBe(sent[0])
  })
})
