// UI state of the watch page's player: the shortcuts help and what the screen reader was last
// told. The captions choice is not here: it is a preference (stores/preferences-ui.ts), kept in
// the cookie so the server renders it, and read and written there by the menu and by C alike.
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

  return { shortcutsOpen, openShortcuts, closeShortcuts, announcement, announce }
})
