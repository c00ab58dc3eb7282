// The Vue Query layer's writes for conversations: optimistic sending with retry/discard, removing
// an unsent attachment, and marking the conversation read.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { SendMessageInput } from '#shared/schemas/conversation'
import type { ChatMessage, ConversationSummary, Participant, PendingAttachment } from '#shared/types/conversation'
import { useApi } from '../../api/api-client'
import { discardPending, insertMessage, messageReceived, setStatus, updateStreams } from './cache'
import { findSentAttachment } from './cache-attachments'
import { conversationKeys } from './keys'

/** Removes an unsent attachment from the composer at once; it comes back if the server refuses. */
export function useRemoveAttachmentMutation(conversationId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  const key = () => conversationKeys.unsentAttachments(toValue(conversationId))
  return useMutation({
    mutationFn: (attachmentId: string) => api<{ id: string }>(`/api/attachments/${encodeURIComponent(attachmentId)}`, { method: 'DELETE' }),
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

export function useSendMessageMutation(conversationId: MaybeRefOrGetter<string>, me: () => Participant | null) {
  const api = useApi()
  const client = useQueryClient()
  const update = (change: Parameters<typeof updateStreams>[2]) => updateStreams(client, toValue(conversationId), change)
  const unsentKey = () => conversationKeys.unsentAttachments(toValue(conversationId))
  return useMutation({
    // One send at a time per conversation, in the order written: two sends in flight at once could
    // be stored (and ordered by the server) the other way round.
    scope: { id: computed(() => `send-message:${toValue(conversationId)}`) },
    mutationFn: (input: SendMessageInput) => api<ChatMessage>(`/api/conversations/${encodeURIComponent(toValue(conversationId))}/messages`, { method: 'POST', body: input }),
    onMutate: (input) => {
      // The files leave the composer and ride in the bubble; a failed send puts them back.
      const unsent = client.getQueryData<PendingAttachment[]>(unsentKey()) ?? []
      const attachmentIds = input.attachmentIds ?? []
      const attachments = attachmentIds.map(id => unsent.find(a => a.id === id)).filter(a => !!a).map(({ receivedBytes: _bytes, ...a }) => a)
      client.setQueryData<PendingAttachment[]>(unsentKey(), list => list?.filter(a => !attachmentIds.includes(a.id)))
      const referenced = input.referenceAttachmentId ? findSentAttachment(client.getQueryData(conversationKeys.streamLatest(toValue(conversationId))), input.referenceAttachmentId) : null
      // The bubble appears at once as "sending" (a retry flips a failed one back to sending).
      const pending: ChatMessage & { status: 'sending' } = {
        id: `pending-${input.clientKey}`,
        conversationId: toValue(conversationId),
        type: input.type,
        body: input.body,
        targetDate: input.targetDate,
        createdAt: new Date().toISOString(),
        sender: me(),
        courseId: input.courseId ?? null,
        payload: {},
        access: input.access ?? 'PARTICIPANTS',
        clientKey: input.clientKey,
        attachments,
        reference: input.referenceAttachmentId ? { messageId: referenced?.messageId ?? null, attachment: referenced?.attachment ?? null } : null,
        status: 'sending',
      }
      update(data => insertMessage(discardPending(data, input.clientKey), pending))
    },
    onSuccess: message => messageReceived(client, message),
    // Kept on screen with "Retry" / "Discard"; the same clientKey makes a retry safe.
    onError: (_error, input) => {
      update(data => setStatus(data, input.clientKey, 'failed'))
      // Whatever was not sent is still mine to send: the server's list says which.
      if (input.attachmentIds?.length) void client.invalidateQueries({ queryKey: unsentKey() })
    },
    onSettled: () => client.invalidateQueries({ queryKey: conversationKeys.list(), refetchType: 'none' }),
  })
}

/** "Discard" on a message that failed to send: it leaves the stream (nothing was stored). */
export function useDiscardFailedMessage(conversationId: MaybeRefOrGetter<string>) {
  const client = useQueryClient()
  return (clientKey: string) => updateStreams(client, toValue(conversationId), data => discardPending(data, clientKey))
}

export function useMarkReadMutation(conversationId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api<{ lastReadAt: string }>(`/api/conversations/${encodeURIComponent(toValue(conversationId))}/read`, { method: 'POST' }),
    onSuccess: () => client.setQueryData<ConversationSummary[]>(conversationKeys.list(), list => list?.map(c => (c.id === toValue(conversationId) ? { ...c, unread: 0 } : c))),
  })
}
