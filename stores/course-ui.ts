// UI state of the studio's course pages: which dialog is open and which course it is about.
// Ids and flags only; the courses themselves come from Vue Query. Cleared when leaving the page.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useCourseUiStore = defineStore('course-ui', () => {
  const isCreateDialogOpen = ref(false)
  /** The course whose delete confirmation is open, or null. */
  const deletingCourseId = ref<string | null>(null)

  function openCreateDialog() {
    isCreateDialogOpen.value = true
  }
  function closeCreateDialog() {
    isCreateDialogOpen.value = false
  }
  function askToDelete(courseId: string) {
    deletingCourseId.value = courseId
  }
  function cancelDelete() {
    deletingCourseId.value = null
  }

  function $reset() {
    isCreateDialogOpen.value = false
    deletingCourseId.value = null
  }

  return { isCreateDialogOpen, deletingCourseId, openCreateDialog, closeCreateDialog, askToDelete, cancelDelete, $reset }
})
