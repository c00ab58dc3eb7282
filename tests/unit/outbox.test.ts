import { describe, expect, it } from 'vitest'
import type { MutationState } from '@tanstack/vue-query'
import { latestDayAnywhere, SendMessageFields } from '../../shared/schemas/conversation'
import type { ChatMessage } from '../../shared/types/conversation'
import { ApiRequestError } from '../../composables/api/api-client'
import { nextAttemptIn, outboxMessages, waitReason } from '../../composables/queries/conversation/outbox'
import type { OutboxVariables } from '../../composables/queries/conversation/outbox'
import { parseOutbox, toStored, withSend, withoutSend } from '../../composables/queries/conversation/outbox-storage'
import type { StoredSend } from '../../composables/queries/conversation/outbox-storage'

type State = MutationState<ChatMessage, Error, OutboxVariables, unknown>
const variables = (clientKey: string, targetDate = '2026-11-20'): OutboxVariables => ({
  conversationId: 'c1',
  input: { type: 'DAILY_NOTE', body: `note ${clientKey}`, targetDate, clientKey },
  shown: { createdAt: '2026-11-20T10:00:00.000Z', sender: { id: 'u1', name: 'Stu', role: 'STUDENT' }, attachments: [], reference: null },
})
const state = (clientKey: string, extra: Partial<State> = {}): State => ({
  context: undefined, data: undefined, error: null, failureCount: 0, failureReason: null, isPaused: false,
  status: 'pending', variables: variables(clientKey), submittedAt: 0, ...extra,
})
const offline = new ApiRequestError(0, { code: 'UNAVAILABLE', message: 'Lectern could not be reached.' })
const busy = (retryAfter?: number) => new ApiRequestError(429, { code: 'RATE_LIMITED', message: 'Too many', details: retryAfter ? { retryAfter } : {} })
const refused = new ApiRequestError(403, { code: 'FORBIDDEN', message: 'No' })

describe('when a send waits', () => {
  it('waits for the line (status 0, 502–504) or the server (429), and fails on any other refusal', () => {
    expect(waitReason(offline)).toBe('connection')
    expect(waitReason(new ApiRequestError(503, { code: 'UNAVAILABLE', message: 'Down' }))).toBe('connection')
    expect(waitReason(busy())).toBe('server')
    expect(waitReason(refused)).toBeNull()
    expect(waitReason(new ApiRequestError(500, { code: 'INTERNAL', message: 'Bug' }))).toBeNull()
    expect(waitReason(new Error('not from the API'))).toBeNull()
  })

  it('tries again when a 429 asked, else backs off from 1 s to at most 30 s', () => {
    expect(nextAttemptIn(1, busy(7))).toBe(7000)
    expect(nextAttemptIn(1, busy())).toBe(1000)
    expect([1, 2, 3, 4].map(n => nextAttemptIn(n, offline))).toEqual([1000, 2000, 4000, 8000])
    expect(nextAttemptIn(20, offline)).toBe(30_000)
  })
})

describe('the outbox as bubbles', () => {
  it('says "waiting for connection" for every send while offline, in the order written', () => {
    const bubbles = outboxMessages([state('a'), state('b', { isPaused: true })], false)
    expect(bubbles.map(b => [b.clientKey, b.status, b.waitingFor])).toEqual([['a', 'waiting', 'connection'], ['b', 'waiting', 'connection']])
  })

  it('keeps the sends behind a waiting one waiting too, since they go in order', () => {
    const bubbles = outboxMessages([state('a', { failureReason: busy(5), failureCount: 1 }), state('b', { isPaused: true })], true)
    expect(bubbles.map(b => [b.status, b.waitingFor])).toEqual([['waiting', 'server'], ['waiting', 'server']])
  })

  it('shows a refused send as failed, and leaves sent ones out', () => {
    const bubbles = outboxMessages([state('a', { status: 'error', error: refused }), state('b', { status: 'success' }), state('c')], true)
    expect(bubbles.map(b => [b.clientKey, b.status])).toEqual([['a', 'failed'], ['c', 'sending']])
    expect(bubbles[0]).toMatchObject({ id: 'outbox-a', body: 'note a', sender: { name: 'Stu' }, access: 'PARTICIPANTS' })
  })
})

describe('the outbox in the browser\'s storage', () => {
  const send = (clientKey: string, extra: Partial<State> = {}): StoredSend => ({ mutationKey: ['conversations', 'outbox', 'c1'], scope: { id: 'send-message:c1' }, state: state(clientKey, extra) as StoredSend['state'] })

  it('stores a send on its way as paused, so a restored one resumes, and a refusal as plain words', () => {
    expect(toStored(send('a', { isPaused: false, failureReason: offline, failureCount: 3 })).state).toMatchObject({ status: 'pending', isPaused: true, failureReason: null, failureCount: 0 })
    expect(JSON.parse(JSON.stringify(toStored(send('b', { status: 'error', error: refused })))).state.error).toEqual({ message: 'No' })
  })

  it('writes one send at a time: in its place when known, last when new; never one marked gone', () => {
    let outbox = parseOutbox(null)
    outbox = withSend(withSend(outbox, send('a')), send('b'))
    outbox = withSend(outbox, send('a', { failureCount: 2 }))
    expect(outbox.sends.map(s => [s.state.variables, s.state.failureCount])).toEqual([[variables('a'), 2], [variables('b'), 0]])
    outbox = withoutSend(outbox, 'a', 1000)
    expect(withSend(outbox, send('a')).sends).toHaveLength(1)
    expect(outbox.gone).toEqual({ a: 1000 })
  })

  it('reads what another tab wrote, dropping sends marked gone and old marks, and survives junk', () => {
    const now = 10 * 24 * 60 * 60 * 1000
    const text = JSON.stringify({ v: 1, sends: [send('a'), send('b')], gone: { b: now - 1000, old: 0 } })
    const outbox = parseOutbox(text, now)
    expect(outbox.sends).toHaveLength(1)
    expect(outbox.gone).toEqual({ b: now - 1000 })
    expect(parseOutbox('{not json')).toEqual({ v: 1, sends: [], gone: {} })
    expect(parseOutbox(JSON.stringify({ v: 2 }))).toEqual({ v: 1, sends: [], gone: {} })
  })
})

describe('the day a message is about', () => {
  it('may be today anywhere on Earth (UTC+14), not later', () => {
    const now = Date.parse('2026-12-06T11:00:00Z') // already 7 December in Kiritimati
    expect(latestDayAnywhere(now)).toBe('2026-12-07')
    const latest = latestDayAnywhere()
    const after = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    const fields = { type: 'DAILY_NOTE', body: 'x', clientKey: 'k-12345678' } as const
    expect(SendMessageFields.safeParse({ ...fields, targetDate: latest }).success).toBe(true)
    const refused = SendMessageFields.safeParse({ ...fields, targetDate: after })
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toBe('A message can’t be about a day after today')
  })
})
