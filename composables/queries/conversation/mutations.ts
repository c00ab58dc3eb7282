// The Vue Query layer's writes for conversations: sending through the outbox (with retry/discard),
// removing an unsent attachment, and marking the conversation read.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { SendMessageInput } from '#shared/schemas/conversation'
import type { ConversationSummary, Participant, PendingAttachment } from '#shared/types/conversation'
import { useApi } from '../../api/api-client'
import { findSentAttachment } from './cache-attachments'
import { conversationKeys } from './keys'
import { discardFromOutbox, retryFromOutbox, sendToOutbox } from './outbox'
import { idempotencyKeyFor } from '../idempotency'

/** Removes an unsent attachment from the composer at once; it comes back if the server refuses. */
export function useRemoveAttachmentMutation(conversationId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  const key = () => conversationKeys.unsentAttachments(toValue(conversationId))
  return useMutation({
    mutationFn: (attachmentId: string, attempt) => api<{ id: string }>(`/api/attachments/${encodeURIComponent(attachmentId)}`, { method: 'DELETE', idempotencyKey: idempotencyKeyFor(attempt) }),
    onMutate: async (attachmentId) => {
      await client.cancelQueries({ queryKey: key() })
      const before = client.getQueryData<PendingAttachment[]>(key())
      client.setQueryData<PendingAttachment[]>(key(), list => list?.filter(a => a.id !== attachmentId))
      return { before }
    },
    onError: (_error, _id, context) => client.setQueryData(key(), context?.before),
    onSettled: () => client.invalidateQueries({ queryKey: key() }),
  })
}

/**
 * Sending a message: it goes into the outbox (outbox.ts), which delivers it in order, waits out
 * the network and keeps it in the browser meanwhile. When this returns the message is in the
 * outbox; the promise says when it is on the server.
 */
export function useSendMessage(conversationId: MaybeRefOrGetter<string>, me: () => Participant | null) {
  const client = useQueryClient()
  return (input: SendMessageInput) => {
    const id = toValue(conversationId)
    // The bubble shows the files and the file referred to, as they are now.
    const unsent = client.getQueryData<PendingAttachment[]>(conversationKeys.unsentAttachments(id)) ?? []
    const attachments = (input.attachmentIds ?? []).map(a => unsent.find(u => u.id === a)).filter(a => !!a).map(({ receivedBytes: _bytes, ...a }) => a)
    const referenced = input.referenceAttachmentId ? findSentAttachment(client.getQueryData(conversationKeys.streamLatest(id)), input.referenceAttachmentId) : null
    const reference = input.referenceAttachmentId ? { messageId: referenced?.messageId ?? null, attachment: referenced?.attachment ?? null } : null
    return sendToOutbox(client, { conversationId: id, input, shown: { createdAt: new Date().toISOString(), sender: me(), attachments, reference } })
  }
}

/** "Retry" and "Discard" on a message of the outbox. */
export function useOutboxActions() {
  const client = useQueryClient()
  return {
    retry: (clientKey: string) => void retryFromOutbox(client, clientKey)?.catch(() => {}),
    discard: (clientKey: string) => discardFromOutbox(client, clientKey),
  }
}

export function useMarkReadMutation(conversationId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api<{ lastReadAt: string }>(`/api/conversations/${encodeURIComponent(toValue(conversationId))}/read`, { method: 'POST' }),
    onSuccess: () => client.setQueryData<ConversationSummary[]>(conversationKeys.list(), list => list?.map(c => (c.id === toValue(conversationId) ? { ...c, unread: 0 } : c))),
  })
}
