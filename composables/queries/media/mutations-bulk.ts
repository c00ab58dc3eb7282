// Bulk actions on the library's selection (POST /api/media/bulk), optimistic: the selected files
// change at once in every loaded list; the server answers per file; the files that failed go
// back to exactly how and where they were, and a toast sums it up ("9 moved to trash, 3 failed").
// Whatever happens, the lists, the trash and the tags are fetched again afterwards, so nothing
// stays out of step with the server. What the page does with the failures (keep them selected,
// with their reason) is the caller's: `onAnswer` (see composables/selection/use-media-bulk-dialog.ts),
// called whether or not the dialog that sent the action is still open.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MediaBulkInput } from '#shared/schemas/media-bulk'
import type { MediaBulkAnswer } from '#shared/types/media-bulk'
import { bulkSummaryText } from '~/utils/media-bulk/summary'
import { errorMessage, useApi } from '../../api/api-client'
import { acceptBulkItem, applyBulkOptimistic, revertBulkItems } from './cache-bulk'
import type { BulkSnapshot } from './cache-bulk'
import { mediaKeys } from './keys'

export interface MediaBulkFailure { id: string, reason: string }

export interface MediaBulkOptions {
  /** The server answered: the files it could not change, each with why (empty when all went through). */
  onAnswer?: (failed: MediaBulkFailure[], input: MediaBulkInput) => void
}

export function useMediaBulkMutation(options: MediaBulkOptions = {}) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MediaBulkInput) => api<MediaBulkAnswer>('/api/media/bulk', { method: 'POST', body: input }),
    onMutate: async (input): Promise<{ snapshot: BulkSnapshot }> => {
      await Promise.all([client.cancelQueries({ queryKey: mediaKeys.lists() }), client.cancelQueries({ queryKey: mediaKeys.trash() })])
      return { snapshot: applyBulkOptimistic(client, input) }
    },
    onSuccess: (answer, input, context) => {
      const failed = answer.results.filter(result => !result.ok)
      revertBulkItems(client, context?.snapshot, failed.map(result => result.id))
      for (const result of answer.results) if (result.ok && result.file) acceptBulkItem(client, result.file)
      options.onAnswer?.(failed.map(result => ({ id: result.id, reason: result.reason })), input)
      const text = bulkSummaryText(input.action, answer.summary)
      if (!answer.summary.failed) toast.success(text)
      else if (answer.summary.succeeded) toast.warning(text)
      else toast.error(text)
      const notes = answer.results.flatMap(result => (result.ok ? result.notes ?? [] : []))
      if (notes.length) toast.info(notes.length === 1 ? notes[0]! : `${notes.length} links could not be re-created: ${notes.slice(0, 3).join('; ')}${notes.length > 3 ? '…' : ''}`)
    },
    onError: (error, input, context) => {
      // Nothing was done (refused as a whole, or no answer): every file goes back.
      revertBulkItems(client, context?.snapshot, input.ids)
      toast.error(`Nothing was changed: ${errorMessage(error)}`)
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: mediaKeys.lists() })
      void client.invalidateQueries({ queryKey: mediaKeys.trash() })
      void client.invalidateQueries({ queryKey: mediaKeys.tags() })
      void client.invalidateQueries({ queryKey: mediaKeys.details() })
    },
  })
}
