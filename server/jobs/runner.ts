// Runs the jobs table: claims due jobs one at a time per slot (FOR UPDATE SKIP LOCKED, so several
// server instances share the work without taking the same job), runs their handler, and records
// the outcome. A failure retries with exponential back-off until maxAttempts, then the handler's
// giveUp says what that means (e.g. the video shows "failed"). While a job runs, its lease
// (lockedAt) is renewed every third of LECTERN_JOB_TIMEOUT_SECONDS, so only a job whose process
// died goes that long without one: every instance releases such jobs, and they run again. Some
// kinds run one at a time per instance (a transcode takes the machine's cores); the other slot
// stays free for the other kinds.
import { lecternConfig } from '../utils/config'
import { claimJob, enqueue, insertJob, isJobScheduled, markJobDone, markJobFailed, onJobEnqueued, releaseJobs, releaseStuckJobs, renewJobLeases } from '../database/job-queue'
import type { ClaimedJob, JobKind, JobPayload } from '../database/job-queue'
import { jobHandlers, recurringJobs } from './handlers'

const SLOTS = 2
const POLL_MS = 1000
/** Kinds of which this instance runs one at a time. */
const ONE_AT_A_TIME: JobKind[] = ['media:transcode']

let timer: ReturnType<typeof setInterval> | undefined
let leaseTimer: ReturnType<typeof setInterval> | undefined
let running = 0
/** The jobs this process is running (id → kind), so their leases are renewed and a shutdown can hand them back. */
const runningJobs = new Map<string, string>()
let stopped = true
let ticking = false

onJobEnqueued(() => wake())

async function execute(job: ClaimedJob): Promise<void> {
  const handler = jobHandlers[job.kind as JobKind] as { run: (payload: never) => Promise<void>, giveUp?: (payload: never, reason: string) => Promise<void> } | undefined
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
    await handler.run(job.payload as never)
    await markJobDone(job.id)
  }
  catch (error) {
    const message = (error as Error)?.message ?? String(error)
    const retry = job.attempts < job.maxAttempts
    console.warn(`[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts}/${job.maxAttempts}): ${message}`)
    await markJobFailed(job.id, { error: message, retryAt: retry ? new Date(Date.now() + lecternConfig().jobBackoffMs * 2 ** (job.attempts - 1)) : null })
    if (!retry) await handler?.giveUp?.(job.payload as never, message)
  }
}

async function ensureRecurring(): Promise<void> {
  for (const { kind, everyMs } of recurringJobs()) {
    if (!(await isJobScheduled(kind))) await insertJob(kind, {}, { runAt: new Date(Date.now() + everyMs), maxAttempts: 3 })
  }
}

async function tick(): Promise<void> {
  if (ticking || stopped) return
  ticking = true
  try {
    while (!stopped && running < SLOTS) {
      const busy = new Set(runningJobs.values())
      const job = await claimJob({ except: ONE_AT_A_TIME.filter(kind => busy.has(kind)) })
      if (!job) break
      running++
      runningJobs.set(job.id, job.kind)
      void execute(job).finally(() => {
        running--
        runningJobs.delete(job.id)
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

/** Renews this process's leases, and releases the jobs of processes that stopped renewing theirs. */
async function keepLeases(): Promise<void> {
  const { jobTimeoutSeconds } = lecternConfig()
  if (runningJobs.size) await renewJobLeases([...runningJobs.keys()])
  await releaseStuckJobs(jobTimeoutSeconds)
}

export async function startJobRunner(): Promise<void> {
  stopped = false
  await releaseStuckJobs(lecternConfig().jobTimeoutSeconds)
  leaseTimer = setInterval(() => {
    void keepLeases().catch(error => console.error('[jobs] could not renew leases:', (error as Error).message))
  }, Math.max(500, (lecternConfig().jobTimeoutSeconds * 1000) / 3))
  // Recurring work runs once at start (catching up after downtime), then on its schedule.
  for (const { kind } of recurringJobs()) {
    if (!(await isJobScheduled(kind))) await enqueue(kind)
  }
  timer = setInterval(() => {
    void ensureRecurring().catch(() => {})
    void tick()
  }, POLL_MS)
  wake()
}

/** Claims no more work (a shutdown began); what runs goes on. */
export function stopJobRunner(): void {
  stopped = true
  clearInterval(timer)
}

/**
 * At the end of a shutdown, the jobs still running here go back to the queue as not tried, for
 * another instance to take at once instead of after LECTERN_JOB_TIMEOUT_SECONDS. Their handlers
 * die with the process; like after a crash, a job's work must be safe to run again.
 */
export async function handBackRunningJobs(): Promise<number> {
  stopJobRunner()
  clearInterval(leaseTimer)
  const ids = [...runningJobs.keys()]
  runningJobs.clear()
  return ids.length ? releaseJobs(ids) : 0
}

/** Runs a job's handler now, in this request (internal endpoint, ops): the same code the runner runs. */
export async function runJobNow(kind: JobKind, payload: JobPayload = {}): Promise<void> {
  await jobHandlers[kind].run(payload as never)
}
