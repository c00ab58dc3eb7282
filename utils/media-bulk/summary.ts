// The toast after a bulk action: what happened, in numbers ("9 moved to trash, 3 failed").
import type { MediaBulkAction } from '#shared/schemas/media-bulk'
import type { MediaBulkSummary } from '#shared/types/media-bulk'

const DONE: Record<MediaBulkAction, string> = {
  trash: 'moved to trash',
  unlinkAndTrash: 'unlinked and moved to trash',
  restore: 'restored',
  deleteForever: 'deleted forever',
  link: 'linked',
  unlinkAll: 'unlinked everywhere',
  addTags: 'tagged',
  removeTags: 'untagged',
  edit: 'updated',
}

export function bulkSummaryText(action: MediaBulkAction, summary: Pick<MediaBulkSummary, 'succeeded' | 'failed'>): string {
  const files = (n: number) => (n === 1 ? '1 file' : `${n} files`)
  if (!summary.failed) return `${files(summary.succeeded)} ${DONE[action]}`
  if (!summary.succeeded) return `${summary.failed === 1 ? 'The file' : `All ${summary.failed} files`} failed: nothing ${DONE[action]}`
  return `${summary.succeeded} ${DONE[action]}, ${summary.failed} failed`
}
