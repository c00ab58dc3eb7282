// What each job kind does. Handlers are idempotent: a retried job must be safe to run again.
import { pruneExpiredSessions } from '../services/session/prune-expired-sessions'
import { pruneIdempotentRequests } from '../services/idempotency/idempotent-request'
import { purgeDeletedCourses } from '../services/course/purge-deleted-courses'
import { purgeExpiredMedia } from '../services/media/purge-expired-media'
import { cleanUpAbandonedUploads } from '../services/upload/clean-up-abandoned-uploads'
import { processMediaInWorker } from '../services/upload/process-media'
import { setUploadState } from '../services/upload/set-upload-state'
import { giveUpTranscode, transcodeMediaInWorker } from '../services/upload/transcode-media'
import { refreshInsights } from '../services/insights/refresh-insights'
import { pruneFinishedJobs } from '../database/job-queue'
import type { JobKind } from '../database/job-queue'
import { lecternConfig } from '../utils/config'

interface JobHandler<P> {
  run: (payload: P) => Promise<void>
  /** After the last attempt failed. */
  giveUp?: (payload: P, reason: string) => Promise<void>
}

export const jobHandlers = {
  'media:process': {
    run: ({ uploadId }: { uploadId: string }) => processMediaInWorker(uploadId),
    giveUp: async ({ uploadId }: { uploadId: string }, reason: string) =>
      setUploadState(uploadId, { status: 'FAILED', failureReason: `Processing failed: ${reason}` }),
  } satisfies JobHandler<{ uploadId: string }>,

  // A processed video's HLS ladder (adaptive streaming), when LECTERN_HLS is on.
  'media:transcode': {
    run: ({ uploadId }: { uploadId: string }) => transcodeMediaInWorker(uploadId),
    giveUp: ({ uploadId }: { uploadId: string }) => giveUpTranscode(uploadId),
  } satisfies JobHandler<{ uploadId: string }>,

  'courses:purge': {
    run: async () => {
      const retentionDays = lecternConfig().courseRetentionDays
      const courses = await purgeDeletedCourses({ retentionDays })
      await pruneExpiredSessions()
      await pruneIdempotentRequests()
      // Finished jobs are kept a week for inspection.
      await pruneFinishedJobs(new Date(Date.now() - 7 * 86_400_000))
      if (courses) console.info(`[jobs] purged ${courses} course(s) deleted more than ${retentionDays} days ago`)
    },
  } satisfies JobHandler<Record<string, never>>,

  // The media library's trash. `retentionSeconds` overrides the configured retention when the
  // job is run by hand (the internal endpoint: ops, tests).
  'media:purge': {
    run: async ({ retentionSeconds }: { retentionSeconds?: number } = {}) => {
      const retention = retentionSeconds ?? lecternConfig().mediaRetentionSeconds
      const files = await purgeExpiredMedia({ retentionSeconds: retention })
      if (files) console.info(`[jobs] purged ${files} media file(s) in the trash for more than ${retention} s`)
    },
  } satisfies JobHandler<{ retentionSeconds?: number }>,

  'uploads:cleanup': {
    run: async () => {
      const removed = await cleanUpAbandonedUploads({ olderThanSeconds: lecternConfig().uploadExpirySeconds })
      if (removed) console.info(`[jobs] removed ${removed} abandoned upload(s)`)
    },
  } satisfies JobHandler<Record<string, never>>,

  // The analytics summaries the insights pages read (docs/architecture.md, "Analytics summaries").
  // `settleSeconds` (internal endpoint: tests, the seed) folds in messages younger than the
  // default 10 s, which a scheduled run leaves for the next one in case a send is still committing.
  'insights:refresh': {
    run: async ({ settleSeconds }: { settleSeconds?: number } = {}) => {
      const { conversations } = await refreshInsights({ settleSeconds })
      if (conversations.messages > 100_000) console.info(`[jobs] insights: folded in ${conversations.messages} message(s)`)
    },
  } satisfies JobHandler<{ settleSeconds?: number }>,
}

export type { JobKind }

export const recurringJobs = (): { kind: JobKind, everyMs: number }[] => [
  { kind: 'courses:purge', everyMs: 60 * 60 * 1000 },
  { kind: 'media:purge', everyMs: 5 * 60 * 1000 },
  // At most five minutes stale, as the pages promise: a run a minute, and one at a time.
  { kind: 'insights:refresh', everyMs: 60 * 1000 },
  { kind: 'uploads:cleanup', everyMs: Math.max(60_000, Math.min(lecternConfig().uploadExpirySeconds * 1000, 10 * 60 * 1000)) },
]
