// The insights page's UI state: which student the chart focuses on (null: everyone).
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useInsightsUiStore = defineStore('insights-ui', () => {
  const focusedStudentId = ref<string | null>(null)
  const focus = (studentId: string | null) => {
    focusedStudentId.value = studentId
  }
  return { focusedStudentId, focus }
})
