// UI state of bulk actions on the media library's selection: which bulk dialog is open, and the
// per-file failures the server reported on the last bulk action (shown as a badge with the
// reason until the file changes or the user dismisses it). The selection itself lives in
// useSelectionStore('media'); the files and the bulk mutations live in Vue Query.
import { defineStore } from 'pinia'
import { ref } from 'vue'

// 'trash' and 'unlink-and-trash' are one dialog in two modes (the preview offers the switch);
// 'restore' and 'delete-forever' act on the trash page's own selection ('media-trash').
export type MediaBulkDialog = 'trash' | 'unlink-and-trash' | 'unlink-all' | 'tags' | 'edit' | 'link' | 'restore' | 'delete-forever'

export const useMediaBulkUiStore = defineStore('media-bulk-ui', () => {
  const dialog = ref<MediaBulkDialog | null>(null)
  /** file id → why the last bulk action could not change it */
  const failures = ref(new Map<string, string>())

  function openDialog(kind: MediaBulkDialog) {
    dialog.value = kind
  }
  function closeDialog() {
    dialog.value = null
  }
  function setFailures(next: Iterable<[string, string]>) {
    failures.value = new Map(next)
  }
  function dismissFailure(id: string) {
    if (!failures.value.has(id)) return
    const next = new Map(failures.value)
    next.delete(id)
    failures.value = next
  }
  function $reset() {
    dialog.value = null
    failures.value = new Map()
  }
  return { dialog, failures, openDialog, closeDialog, setFailures, dismissFailure, $reset }
})
