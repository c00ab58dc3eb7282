// Idempotency keys for writes that act once (POSTs and DELETEs: a new chapter, an enrolment, a
// removal): the browser sends a key with each and keeps it across its own retries, so a retry
// after an answer lost on the line replays the first answer instead of acting twice.
// Keys belong to the user who sent them; an answer is kept a day (pruned by the daily job).
import { Prisma } from '../../generated/prisma/client'
import { useDb } from '../../database/db'

/** A first request still unanswered after this long is taken to have died with its instance. */
const ABANDONED_AFTER_MS = 60_000
/** How long an answer is kept for a retry. */
export const ANSWER_KEPT_MS = 24 * 3_600_000

export interface IdempotentRequestId { userId: string, key: string }

export type Claim
  = | { kind: 'first' }
    | { kind: 'replay', status: number, body: unknown }
    | { kind: 'busy' }
    | { kind: 'another-request' }

/** Claims a key for this request, or says what to answer instead. */
export async function claimIdempotentRequest(id: IdempotentRequestId, fingerprint: string, now = new Date()): Promise<Claim> {
  const db = useDb()
  try {
    await db.idempotentRequest.create({ data: { ...id, fingerprint, createdAt: now } })
    return { kind: 'first' }
  }
  catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error
  }
  const row = await db.idempotentRequest.findUnique({ where: { userId_key: id } })
  // Gone meanwhile (the first request failed and let go of the key): this one may try.
  if (!row) return claimIdempotentRequest(id, fingerprint, now)
  if (row.fingerprint !== fingerprint) return { kind: 'another-request' }
  if (row.status !== null) return { kind: 'replay', status: row.status, body: JSON.parse(row.body ?? 'null') }
  if (now.getTime() - row.createdAt.getTime() < ABANDONED_AFTER_MS) return { kind: 'busy' }
  // Only one of several retries takes an abandoned key over.
  const { count } = await db.idempotentRequest.updateMany({ where: { ...id, status: null, createdAt: row.createdAt }, data: { createdAt: now } })
  return count ? { kind: 'first' } : { kind: 'busy' }
}

/**
 * The first request's outcome: a success is kept for its retries; a refusal or failure lets go of
 * the key, so a retry runs again (a refusal then refuses again; nothing was written).
 */
export async function settleIdempotentRequest(id: IdempotentRequestId, answer: { status: number, body: unknown }): Promise<void> {
  const db = useDb()
  if (answer.status >= 200 && answer.status < 300)
    await db.idempotentRequest.update({ where: { userId_key: id }, data: { status: answer.status, body: JSON.stringify(answer.body ?? null) } })
  else
    await db.idempotentRequest.deleteMany({ where: { ...id, status: null } })
}

/** Housekeeping for the daily job: answers older than a day. */
export async function pruneIdempotentRequests(now = new Date()): Promise<number> {
  const { count } = await useDb().idempotentRequest.deleteMany({ where: { createdAt: { lte: new Date(now.getTime() - ANSWER_KEPT_MS) } } })
  return count
}
