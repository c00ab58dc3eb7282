// Runs the jobs table: claims due jobs one at a time per slot (FOR UPDATE SKIP LOCKED, so several
// server instances share the work without taking the same job), runs their handler, and records
// the outcome. A failure retries with exponential back-off until maxAttempts, then the handler's
// giveUp says what that means (e.g. the video shows "failed"). A job left RUNNING by a crashed
// process is released after LECTERN_JOB_TIMEOUT_SECONDS and runs again.
import type { Prisma } from '../generated/prisma/client'
import { useDb } from '../utils/db'
import { jobHandlers, recurringJobs } from './handlers'
import type { JobKind } from './handlers'

interface ClaimedJob {
  id: string
  kind: string
  payload: Prisma.JsonValue
  attempts: number
  maxAttempts: number
}

const SLOTS = 2
const POLL_MS = 1000
const BACKOFF_BASE_MS = () => Number(process.env.LECTERN_JOB_BACKOFF_MS || 5000)
const TIMEOUT_SECONDS = () => Number(process.env.LECTERN_JOB_TIMEOUT_SECONDS || 600)

let timer: ReturnType<typeof setInterval> | undefined
let running = 0
let stopped = true
let ticking = false

export async function enqueue(kind: JobKind, payload: Prisma.InputJsonValue = {}, options: { runAt?: Date, maxAttempts?: number } = {}): Promise<string> {
  const job = await useDb().job.create({ data: { kind, payload, runAt: options.runAt ?? new Date(), maxAttempts: options.maxAttempts ?? 3 }, select: { id: true } })
  wake()
  return job.id
}

async function claim(): Promise<ClaimedJob | null> {
  const rows = await useDb().$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = NOW(), attempts = attempts + 1, "updatedAt" = NOW()
    WHERE id = (
      SELECT id FROM "Job" WHERE status = 'PENDING' AND "runAt" <= NOW()
      ORDER BY "runAt", "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, attempts, "maxAttempts"`
  return rows[0] ?? null
}

async function execute(job: ClaimedJob): Promise<void> {
  const handler = jobHandlers[job.kind as JobKind] as { run: (payload: never) => Promise<void>, giveUp?: (payload: never, reason: string) => Promise<void> } | undefined
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
    await handler.run(job.payload as never)
    await useDb().job.update({ where: { id: job.id }, data: { status: 'DONE', lockedAt: null, lastError: null } })
  }
  catch (error) {
    const message = (error as Error)?.message ?? String(error)
    const retry = job.attempts < job.maxAttempts
    console.warn(`[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts}/${job.maxAttempts}): ${message}`)
    await useDb().job.update({
      where: { id: job.id },
      data: retry
        ? { status: 'PENDING', lockedAt: null, lastError: message, runAt: new Date(Date.now() + BACKOFF_BASE_MS() * 2 ** (job.attempts - 1)) }
        : { status: 'FAILED', lockedAt: null, lastError: message },
    })
    if (!retry) await handler?.giveUp?.(job.payload as never, message)
  }
}

async function ensureRecurring(): Promise<void> {
  for (const { kind, everyMs } of recurringJobs()) {
    const scheduled = await useDb().job.count({ where: { kind, status: { in: ['PENDING', 'RUNNING'] } } })
    if (!scheduled) await useDb().job.create({ data: { kind, runAt: new Date(Date.now() + everyMs) } })
  }
}

async function tick(): Promise<void> {
  if (ticking || stopped) return
  ticking = true
  try {
    while (!stopped && running < SLOTS) {
      const job = await claim()
      if (!job) break
      running++
      void execute(job).finally(() => {
        running--
        wake()
      })
    }
  }
  catch (error) {
    console.error('[jobs] could not claim work:', (error as Error).message)
  }
  finally {
    ticking = false
  }
}

export function wake(): void {
  if (!stopped) queueMicrotask(() => void tick())
}

export async function startJobRunner(): Promise<void> {
  stopped = false
  await useDb().$executeRaw`
    UPDATE "Job" SET status = 'PENDING', "lockedAt" = NULL
    WHERE status = 'RUNNING' AND "lockedAt" < NOW() - make_interval(secs => ${TIMEOUT_SECONDS()})`
  // Recurring work runs once at start (catching up after downtime), then on its schedule.
  for (const { kind } of recurringJobs()) {
    if (!(await useDb().job.count({ where: { kind, status: { in: ['PENDING', 'RUNNING'] } } }))) await enqueue(kind)
  }
  timer = setInterval(() => {
    void ensureRecurring().catch(() => {})
    void tick()
  }, POLL_MS)
  wake()
}

export async function stopJobRunner(): Promise<void> {
  stopped = true
  clearInterval(timer)
}

/** Runs a job's handler now, in this request (internal endpoint, ops): the same code the runner runs. */
export async function runJobNow(kind: JobKind, payload: Prisma.InputJsonValue = {}): Promise<void> {
  await jobHandlers[kind].run(payload as never)
}
