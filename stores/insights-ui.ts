// UI state of the insights pages: which student the conversation insights chart focuses on (null:
// everyone), and which media insights figures show their table instead of their chart. Ids and
// flags only; the figures come from Vue Query. Page-specific: each page resets it when the user
// leaves.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useInsightsUiStore = defineStore('insights-ui', () => {
  const focusedStudentId = ref<string | null>(null)
  const tableViews = ref(new Set<string>())

  const focus = (studentId: string | null) => {
    focusedStudentId.value = studentId
  }
  const showsTable = (figure: string) => tableViews.value.has(figure)
  const toggleTable = (figure: string) => {
    const next = new Set(tableViews.value)
    if (!next.delete(figure)) next.add(figure)
    tableViews.value = next
  }
  const $reset = () => {
    focusedStudentId.value = null
    tableViews.value = new Set()
  }
  return { focusedStudentId, tableViews, focus, showsTable, toggleTable, $reset }
})
