// UI state of a conversation page: which earlier file the composer is pointing at, per
// conversation ("Refer to" on an attachment; the composer sends its id with the message), and on
// the instructor's side whose unlinking is being confirmed and which message's visibility dialog
// is open and whether the observers drawer (narrow screens) is; whether the page's tools are
// unfolded (phones); where a back-dated message just went; whether signing out is asking about unsent
// messages. Ids and labels only; observers, messages and files come from Vue Query.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface ReferenceTarget { attachmentId: string, name: string }
/** A back-dated message just sent: the stream shows where it went. */
export interface LandedMessage { conversationId: string, messageId: string, day: string }

export const useConversationUiStore = defineStore('conversation-ui', () => {
  const references = ref<Record<string, ReferenceTarget>>({})
  /** The observer whose "unlink" confirmation is open, or null. */
  const unlinkingObserverId = ref<string | null>(null)
  /** The message whose "Visibility…" dialog is open, or null. */
  const visibilityMessageId = ref<string | null>(null)
  const landed = ref<LandedMessage | null>(null)
  /** Signing out with messages not sent yet: the question is open. */
  const signOutAsked = ref(false)
  /** The observers drawer (narrow screens) is open. */
  const observersOpen = ref(false)
  /** The page's tools (jump to a date, download) are shown on a phone, where they are folded away. */
  const toolsOpen = ref(false)

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

  const landedIn = (conversationId: string) => (landed.value?.conversationId === conversationId ? landed.value : null)
  function showLanded(message: LandedMessage) {
    landed.value = message
  }
  function clearLanded() {
    landed.value = null
    observersOpen.value = false
  }
  function showObservers(open: boolean) {
    observersOpen.value = open
  }
  function showTools(open: boolean) {
    toolsOpen.value = open
  }
  function askBeforeSignOut(open: boolean) {
    signOutAsked.value = open
  }

  /** Leaving the page closes its dialogs; a reference being written stays with its conversation. */
  function $reset() {
    unlinkingObserverId.value = null
    visibilityMessageId.value = null
    landed.value = null
    observersOpen.value = false
    toolsOpen.value = false
  }

  return {
    references, unlinkingObserverId, visibilityMessageId, landed, signOutAsked, observersOpen, toolsOpen, referenceIn, refer, clearReference, askToUnlink, cancelUnlink,
    openVisibility, closeVisibility, landedIn, showLanded, clearLanded, showObservers, showTools, askBeforeSignOut, $reset,
  }
})
