// UI state of the media library: which file's panel is open, which file's delete dialog is open,
// whether the link form is showing. Ids only; the files come from Vue Query, the filters from the
// address, the grid/list choice from the preferences store.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useMediaUiStore = defineStore('media-ui', () => {
  const openId = ref<string | null>(null)
  const deletingId = ref<string | null>(null)
  const linking = ref(false)

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
  function $reset() {
    openId.value = null
    deletingId.value = null
    linking.value = false
  }
  return { openId, deletingId, linking, open, close, askToDelete, cancelDelete, $reset }
})
