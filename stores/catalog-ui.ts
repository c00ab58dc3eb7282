// UI state of the catalog's public course page: which lesson's free preview is open.
// Lessons themselves come from the course page's query.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useCatalogUiStore = defineStore('catalog-ui', () => {
  const previewLessonId = ref<string | null>(null)
  const openPreview = (lessonId: string) => {
    previewLessonId.value = lessonId
  }
  const closePreview = () => {
    previewLessonId.value = null
  }
  return { previewLessonId, openPreview, closePreview }
})
