// The jobs table, the job runner's storage (server/jobs/runner.ts decides what runs when): enqueue,
// claim (FOR UPDATE SKIP LOCKED, so several server instances share the work without taking the
// same job), record the outcome, release jobs a crashed process left running. Services enqueue
// here, so they depend on the database layer only, never on the runner (which runs services).
import type { Prisma } from '../generated/prisma/client'
import { useDb } from './db'

export type JobKind = 'media:process' | 'media:transcode' | 'courses:purge' | 'media:purge' | 'uploads:cleanup' | 'insights:refresh'

export interface ClaimedJob {
  id: string
  kind: string
  payload: Prisma.JsonValue
  attempts: number
  maxAttempts: number
}

export type JobPayload = Prisma.InputJsonValue

const enqueued = new Set<() => void>()

/** The runner's wake-up: a job enqueued in this process starts without waiting for the next poll. */
export function onJobEnqueued(listener: () => void): () => void {
  enqueued.add(listener)
  return () => enqueued.delete(listener)
}

export async function enqueue(kind: JobKind, payload: JobPayload = {}, options: { runAt?: Date, maxAttempts?: number } = {}): Promise<string> {
  const id = await insertJob(kind, payload, { runAt: options.runAt ?? new Date(), maxAttempts: options.maxAttempts ?? 3 })
  for (const listener of enqueued) listener()
  return id
}

export async function insertJob(kind: JobKind, payload: JobPayload, options: { runAt: Date, maxAttempts: number }): Promise<string> {
  const job = await useDb().job.create({ data: { kind, payload, runAt: options.runAt, maxAttempts: options.maxAttempts }, select: { id: true } })
  return job.id
}

/** Takes the next due job, if any, of a kind not in `except`, and marks it running (one more attempt). */
export async function claimJob({ except = [] }: { except?: JobKind[] } = {}): Promise<ClaimedJob | null> {
  const rows = await useDb().$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = NOW(), attempts = attempts + 1, "updatedAt" = NOW()
    WHERE id = (
      SELECT id FROM "Job" WHERE status = 'PENDING' AND "runAt" <= NOW() AND NOT (kind = ANY(${except}::text[]))
      ORDER BY "runAt", "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, attempts, "maxAttempts"`
  return rows[0] ?? null
}

export async function markJobDone(id: string): Promise<void> {
  await useDb().job.update({ where: { id }, data: { status: 'DONE', lockedAt: null, lastError: null } })
}

/** A failed attempt: run again at `retryAt`, or, without one, failed for good. */
export async function markJobFailed(id: string, { error, retryAt }: { error: string, retryAt: Date | null }): Promise<void> {
  await useDb().job.update({
    where: { id },
    data: retryAt
      ? { status: 'PENDING', lockedAt: null, lastError: error, runAt: retryAt }
      : { status: 'FAILED', lockedAt: null, lastError: error },
  })
}

/** Is a job of this kind waiting or running? (Recurring jobs keep one scheduled.) */
export async function isJobScheduled(kind: JobKind): Promise<boolean> {
  return (await useDb().job.count({ where: { kind, status: { in: ['PENDING', 'RUNNING'] } } })) > 0
}

/**
 * The lease of jobs this process is still running: a job whose lease is renewed is never taken
 * for crashed, however long it runs (a transcode of a long video).
 */
export async function renewJobLeases(ids: string[]): Promise<void> {
  await useDb().$executeRaw`UPDATE "Job" SET "lockedAt" = NOW() WHERE status = 'RUNNING' AND id = ANY(${ids})`
}

/** Jobs whose lease was not renewed for this long (their process died) run again. */
export async function releaseStuckJobs(timeoutSeconds: number): Promise<void> {
  await useDb().$executeRaw`
    UPDATE "Job" SET status = 'PENDING', "lockedAt" = NULL
    WHERE status = 'RUNNING' AND "lockedAt" < NOW() - make_interval(secs => ${timeoutSeconds})`
}

/** Running jobs given back by a process that shuts down: waiting again, the interrupted attempt not counted. */
export async function releaseJobs(ids: string[]): Promise<number> {
  return useDb().$executeRaw`
    UPDATE "Job" SET status = 'PENDING', "lockedAt" = NULL, attempts = GREATEST(attempts - 1, 0), "runAt" = NOW(), "updatedAt" = NOW()
    WHERE status = 'RUNNING' AND id = ANY(${ids})`
}

/** Finished jobs are kept a while for inspection, then go. */
export async function pruneFinishedJobs(olderThan: Date): Promise<void> {
  await useDb().job.deleteMany({ where: { status: 'DONE', updatedAt: { lt: olderThan } } })
}
