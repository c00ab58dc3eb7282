// What every bulk dialog of the library and its trash starts from: the selection it acts on (the
// selected files the page has loaded, and how many more are selected but not loaded), the bulk
// mutation, and `send`, which runs an action on every selected id and closes the dialog at once:
// the mutation is optimistic, and its answer brings back what failed, with why: those files stay
// selected and carry their reason (the page's UI state, written here, never by the query layer).
import type { MaybeRefOrGetter } from 'vue'
import type { MediaBulkInput } from '#shared/schemas/media-bulk'
import { useMediaBulkMutation } from '~/composables/queries/media/mutations-bulk'
import { useMediaUiStore } from '~/stores/media-ui'
import { useSelectionUiStore } from '~/stores/selection-ui'
import { selectedItems } from '~/utils/media-bulk/preview'

type WithoutIds<T> = T extends unknown ? Omit<T, 'ids'> : never

export function useMediaBulkDialog<T extends { id: string }>(scope: 'media' | 'media-trash', items: MaybeRefOrGetter<T[]>) {
  const ui = useMediaUiStore()
  const selection = useSelectionUiStore(scope)
  const bulk = useMediaBulkMutation({
    // What failed stays selected with its reason, ready for another try (e.g. "Unlink and trash").
    // Given to the mutation itself, not to mutate(): it still lands when the dialog has closed.
    onAnswer: (failed) => {
      selection.set(failed.map(f => f.id))
      ui.setBulkFailures(failed.map(f => [f.id, f.reason]))
    },
  })
  const chosen = computed(() => selectedItems(toValue(items), selection.selected))

  /** Sends `action` for the selected ids (the given ones, if any) and closes the dialog; false when there was nothing to send. */
  function send(action: WithoutIds<MediaBulkInput>, ids = [...selection.selected]): boolean {
    if (!ids.length) return false
    bulk.mutate({ ...action, ids } as MediaBulkInput)
    ui.closeBulkDialog()
    return true
  }

  return { ui, selection, bulk, chosen, send }
}
