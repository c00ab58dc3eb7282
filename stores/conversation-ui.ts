// UI state of a conversation page: which earlier file the composer is pointing at, per
// conversation ("Refer to" on an attachment; the composer sends its id with the message), and on
// the instructor's side whose unlinking is being confirmed and which message's visibility dialog
// is open. Ids and labels only; observers, messages and files come from Vue Query.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface ReferenceTarget { attachmentId: string, name: string }

export const useConversationUiStore = defineStore('conversation-ui', () => {
  const references = ref<Record<string, ReferenceTarget>>({})
  /** The observer whose "unlink" confirmation is open, or null. */
  const unlinkingObserverId = ref<string | null>(null)
  /** The message whose "Visibility…" dialog is open, or null. */
  const visibilityMessageId = ref<string | null>(null)

  const referenceIn = (conversationId: string) => references.value[conversationId] ?? null
  function refer(conversationId: string, target: ReferenceTarget) {
    references.value = { ...references.value, [conversationId]: target }
  }
  function clearReference(conversationId: string) {
    const { [conversationId]: _cleared, ...rest } = references.value
    references.value = rest
  }
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

  /** Leaving the page closes its dialogs; a reference being written stays with its conversation. */
  function $reset() {
    unlinkingObserverId.value = null
    visibilityMessageId.value = null
  }

  return { references, unlinkingObserverId, visibilityMessageId, referenceIn, refer, clearReference, askToUnlink, cancelUnlink, openVisibility, closeVisibility, $reset }
})
