// UI state of a course's students page: whose removal is being confirmed. An id only; the
// student comes from Vue Query. Cleared when leaving the page.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useStudentUiStore = defineStore('student-ui', () => {
  /** The student whose "remove" confirmation is open, or null. */
  const removingUserId = ref<string | null>(null)

  function askToRemove(userId: string) {
    removingUserId.value = userId
  }
  function cancelRemove() {
    removingUserId.value = null
  }

  function $reset() {
    removingUserId.value = null
  }

  return { removingUserId, askToRemove, cancelRemove, $reset }
})
