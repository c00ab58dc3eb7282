// UI state of the watch page's player: the shortcuts help, what the screen reader was last told,
// and which captions language the student last had on (so C turns that one back on).
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const usePlayerUiStore = defineStore('player-ui', () => {
  const shortcutsOpen = ref(false)
  const openShortcuts = () => {
    shortcutsOpen.value = true
  }
  const closeShortcuts = () => {
    shortcutsOpen.value = false
  }

  // Each announcement gets a new id: the live region re-renders its text node, so saying the
  // same thing twice ("Speed 2×" at the top of the range) is heard twice.
  const announcement = ref({ id: 0, text: '' })
  const announce = (text: string) => {
    announcement.value = { id: announcement.value.id + 1, text }
  }

  const captionsLanguage = ref<string | null>(null)
  const rememberCaptions = (language: string) => {
    captionsLanguage.value = language
  }

  return { shortcutsOpen, openShortcuts, closeShortcuts, announcement, announce, captionsLanguage, rememberCaptions }
})
