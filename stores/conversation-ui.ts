// UI state of a conversation page on the instructor's side: whose unlinking is being confirmed,
// and which message's visibility dialog is open. Ids only; the observers and messages come from
// Vue Query. Cleared when leaving the page.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useConversationUiStore = defineStore('conversation-ui', () => {
  /** The observer whose "unlink" confirmation is open, or null. */
  const unlinkingObserverId = ref<string | null>(null)
  /** The message whose "Visibility…" dialog is open, or null. */
  const visibilityMessageId = ref<string | null>(null)

  function askToUnlink(observerId: string) {
    unlinkingObserverId.value = observerId
  }
  function cancelUnlink() {
    unlinkingObserverId.value = null
  }
  function openVisibility(messageId: string) {
    visibilityMessageId.value = messageId
  }
  function closeVisibility() {
    visibilityMessageId.value = null
  }

  function $reset() {
    unlinkingObserverId.value = null
    visibilityMessageId.value = null
  }

  return { unlinkingObserverId, visibilityMessageId, askToUnlink, cancelUnlink, openVisibility, closeVisibility, $reset }
})
