// UI state of the student portal's pages: which lesson's preview is open on a course page.
// Lessons themselves come from the course page's query.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const usePortalUiStore = defineStore('portal-ui', () => {
  const previewVideoId = ref<string | null>(null)
  const openPreview = (videoId: string) => {
    previewVideoId.value = videoId
  }
  const closePreview = () => {
    previewVideoId.value = null
  }
  return { previewVideoId, openPreview, closePreview }
})
