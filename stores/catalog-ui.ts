// UI state of the catalog's public course page: which lesson's free preview is open.
// Lessons themselves come from the course page's query.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useCatalogUiStore = defineStore('catalog-ui', () => {
  const previewVideoId = ref<string | null>(null)
  const openPreview = (videoId: string) => {
    previewVideoId.value = videoId
  }
  const closePreview = () => {
    previewVideoId.value = null
  }
  return { previewVideoId, openPreview, closePreview }
})
