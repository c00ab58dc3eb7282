// UI state of the media library and its trash: which file's panel is open, which file's delete
// dialog is open, whether the link form is showing; which bulk dialog is open, and the per-file
// failures the server reported on the last bulk action (shown as a badge with the reason until the
// file changes or the user dismisses it). Ids only; the files and the bulk mutations come from Vue
// Query, the filters from the address, the grid/list choice from the preferences store, and the
// selection from useSelectionUiStore('media') (or 'media-trash').
import { defineStore } from 'pinia'
import { ref } from 'vue'

// 'trash' and 'unlink-and-trash' are one dialog in two modes (the preview offers the switch);
// 'restore' and 'delete-forever' act on the trash page's own selection ('media-trash').
export type MediaBulkDialog = 'trash' | 'unlink-and-trash' | 'unlink-all' | 'tags' | 'edit' | 'link' | 'restore' | 'delete-forever'

export const useMediaUiStore = defineStore('media-ui', () => {
  const openId = ref<string | null>(null)
  const deletingId = ref<string | null>(null)
  const linking = ref(false)
  const bulkDialog = ref<MediaBulkDialog | null>(null)
  /** file id → why the last bulk action could not change it */
  const bulkFailures = ref(new Map<string, string>())

  function open(id: string) {
    openId.value = id
    linking.value = false
  }
  function close() {
    openId.value = null
    linking.value = false
  }
  function askToDelete(id: string) {
    deletingId.value = id
  }
  function cancelDelete() {
    deletingId.value = null
  }

  function openBulkDialog(kind: MediaBulkDialog) {
    bulkDialog.value = kind
  }
  function closeBulkDialog() {
    bulkDialog.value = null
  }
  function setBulkFailures(next: Iterable<[string, string]>) {
    bulkFailures.value = new Map(next)
  }
  function dismissBulkFailure(id: string) {
    if (!bulkFailures.value.has(id)) return
    const next = new Map(bulkFailures.value)
    next.delete(id)
    bulkFailures.value = next
  }

  /** Leaving the library or the trash closes its panel and dialogs and forgets the last bulk action's failures. */
  function $reset() {
    openId.value = null
    deletingId.value = null
    linking.value = false
    bulkDialog.value = null
    bulkFailures.value = new Map()
  }
  return {
    openId, deletingId, linking, bulkDialog, bulkFailures,
    open, close, askToDelete, cancelDelete, openBulkDialog, closeBulkDialog, setBulkFailures, dismissBulkFailure, $reset,
  }
})
