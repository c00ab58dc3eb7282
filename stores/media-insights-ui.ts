// The media insights page's UI state: which figures show their table instead of their chart.
// Page-specific: the page resets it when the user leaves.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useMediaInsightsUiStore = defineStore('media-insights-ui', () => {
  const tableViews = ref(new Set<string>())
  const showsTable = (figure: string) => tableViews.value.has(figure)
  const toggleTable = (figure: string) => {
    const next = new Set(tableViews.value)
    if (!next.delete(figure)) next.add(figure)
    tableViews.value = next
  }
  const $reset = () => {
    tableViews.value = new Set()
  }
  return { tableViews, showsTable, toggleTable, $reset }
})
