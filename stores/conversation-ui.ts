// UI state of the conversation pages: which earlier file the composer is pointing at, per
// conversation ("Refer to" on an attachment). The file itself comes from the stream's cache; the
// composer sends its id with the message.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface ReferenceTarget { attachmentId: string, name: string }

export const useConversationUiStore = defineStore('conversation-ui', () => {
  const references = ref<Record<string, ReferenceTarget>>({})
  const referenceIn = (conversationId: string) => references.value[conversationId] ?? null
  function refer(conversationId: string, target: ReferenceTarget) {
    references.value = { ...references.value, [conversationId]: target }
  }
  function clearReference(conversationId: string) {
    const { [conversationId]: _cleared, ...rest } = references.value
    references.value = rest
  }
  return { references, referenceIn, refer, clearReference }
})
