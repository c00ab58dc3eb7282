// A POST or DELETE that carries an Idempotency-Key (services/idempotency/idempotent-request.ts):
// the first one goes on to its route; the same request sent again gets the first answer (with
// `Idempotent-Replayed: true`), or 503 while the first is still being handled (the browser tries
// again). A key reused for a different request is refused (422); a malformed key too (400).
// Without a signed-in user the key is ignored: the route refuses by itself. Keyed writes are
// limited per user (LECTERN_LIMIT_KEYED_WRITES, 429).
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { claimIdempotentRequest } from '../services/idempotency/idempotent-request'
import { enforceLimit } from '../limits/enforce-limit'
import { currentSession } from '../utils/auth'
import { refusalEnvelope } from '../utils/api'

const KEY = /^[\w-]{16,100}$/
/** A POST may act twice; a DELETE repeated after it worked would answer 404 where the first said yes. */
const KEYED_METHODS = new Set(['POST', 'DELETE'])

export default defineEventHandler(async (event) => {
  if (!KEYED_METHODS.has(event.method) || !event.path.startsWith('/api/') || event.path.startsWith('/api/uploads')) return
  const key = getRequestHeader(event, 'idempotency-key')
  if (key === undefined) return
  if (!KEY.test(key)) {
    setResponseStatus(event, 400)
    return { success: false, error: { code: 'VALIDATION', message: 'Idempotency-Key must be 16 to 100 letters, digits, "-" or "_"' } }
  }
  const signedIn = await currentSession(event)
  if (!signedIn) return
  // Each first request keeps a row for a day: one user cannot fill the table at will.
  try {
    await enforceLimit('keyedWrites', signedIn.user.id, 'You are saving changes faster than Lectern accepts')
  }
  catch (error) {
    return refusalEnvelope(event, error)
  }
  const body = (await readRawBody(event, false)) ?? Buffer.alloc(0)
  const fingerprint = createHash('sha256').update(`${event.method} ${event.path}\n`).update(body).digest('hex')
  const id = { userId: signedIn.user.id, key }
  const claim = await claimIdempotentRequest(id, fingerprint)
  if (claim.kind === 'first') {
    event.context.idempotentRequest = id // settled when the route answers (plugins/idempotency.ts)
    return
  }
  if (claim.kind === 'replay') {
    setResponseStatus(event, claim.status)
    setResponseHeader(event, 'idempotent-replayed', 'true')
    return claim.body
  }
  if (claim.kind === 'busy') {
    setResponseStatus(event, 503)
    setResponseHeader(event, 'retry-after', 1)
    return { success: false, error: { code: 'UNAVAILABLE', message: 'The same request is still being handled; try again in a moment', details: { retryAfter: 1 } } }
  }
  setResponseStatus(event, 422)
  return { success: false, error: { code: 'UNPROCESSABLE', message: 'This Idempotency-Key was already used for a different request' } }
})
