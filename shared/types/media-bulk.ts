// What POST /api/media/bulk answers: one result per file, in the order asked, and a summary.
// Each file is changed in its own transaction, so one failure never undoes the others.
import type { ErrorCode } from './api'
import type { MediaItem } from './media'

/**
 * Why one file was not changed: an API error code (NOT_FOUND for another instructor's or an
 * unknown id, CONFLICT, UNPROCESSABLE) or LINKED (a plain "move to trash" of a used file).
 */
export type MediaBulkFailureCode = ErrorCode | 'LINKED'

export type MediaBulkResult
  = | { id: string, ok: true, file?: MediaItem, notes?: string[] }
    | { id: string, ok: false, code: MediaBulkFailureCode, reason: string, usageCount?: number }

// `file`: the file as it is now (absent when it was deleted for good); `notes`: what the change
// could not do in full, e.g. a link a restore could not re-create.

export interface MediaBulkSummary {
  requested: number
  succeeded: number
  failed: number
  /** Failures per code, e.g. { LINKED: 3 }. */
  failures: Partial<Record<MediaBulkFailureCode, number>>
}

export interface MediaBulkAnswer {
  results: MediaBulkResult[]
  summary: MediaBulkSummary
}
