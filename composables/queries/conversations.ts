// The Vue Query layer for conversations: the list, each stream (infinite: older pages on demand,
// and newer ones after a jump to a day), optimistic sending with retry/discard, read state, and
// who is typing.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/vue-query'
import type { QueryKey } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { SendMessageInput } from '#shared/schemas/messages'
import type { ChatMessage, ConversationSummary, Participant, PendingAttachment } from '#shared/types/messages'
import { useApi } from '../api/api-client'
import { discardPending, insertMessage, messageReceived, setStatus, updateStreams } from './message-cache'
import { findSentAttachment } from './attachment-cache'
import type { StreamPage, StreamPageParam } from './message-cache'
import { conversationKeys } from './message-keys'
import { useSsrQuery } from './ssr-query'
import type { TypingData } from './typing-cache'

export function useConversationsQuery() {
  const api = useApi()
  return useSsrQuery({ queryKey: conversationKeys.list(), queryFn: () => api<ConversationSummary[]>('/api/conversations') })
}

/**
 * One window of a conversation: the latest (`day` null), or the messages around a day. Pages are
 * [newest, …, oldest]: `fetchNextPage` loads older messages, `fetchPreviousPage` newer ones (only
 * a window around a day has newer ones to load, until it reaches the newest).
 */
export function useMessageStreamQuery(conversationId: MaybeRefOrGetter<string>, day: MaybeRefOrGetter<string | null> = null) {
  const api = useApi()
  return useInfiniteQuery(() => {
    const id = toValue(conversationId)
    const around = toValue(day)
    const queryKey: QueryKey = around ? conversationKeys.streamAround(id, around) : conversationKeys.streamLatest(id)
    return {
      queryKey,
      queryFn: ({ pageParam }: { pageParam: StreamPageParam }) => api<StreamPage>(`/api/conversations/${encodeURIComponent(id)}/messages`, { query: pageParam }),
      initialPageParam: (around ? { around } : {}) as StreamPageParam,
      getNextPageParam: (page: StreamPage): StreamPageParam | null => (page.olderCursor ? { before: page.olderCursor } : null),
      getPreviousPageParam: (page: StreamPage): StreamPageParam | null => (page.newerCursor ? { after: page.newerCursor } : null),
      // New messages arrive through the socket; a refetch of every loaded page is not needed.
      staleTime: Number.POSITIVE_INFINITY,
    }
  })
}

/** My files uploaded into the conversation and not sent yet: the composer's attachments (they survive a reload). */
export function useUnsentAttachmentsQuery(conversationId: MaybeRefOrGetter<string>, enabled: MaybeRefOrGetter<boolean> = true) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => conversationKeys.unsentAttachments(toValue(conversationId))),
    queryFn: () => api<PendingAttachment[]>(`/api/conversations/${encodeURIComponent(toValue(conversationId))}/attachments`),
    enabled: computed(() => import.meta.client && toValue(enabled)),
    // Progress and state arrive through the socket (or this tab's uploader while it is down).
    staleTime: Number.POSITIVE_INFINITY,
  })
}

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

/**
 * Who is typing in a conversation (user id → name). Only socket events fill it (typing-cache.ts);
 * its "fetch" returns what the cache already holds, so a refetch after an outage keeps it.
 */
export function useTypingQuery(conversationId: MaybeRefOrGetter<string>) {
  const client = useQueryClient()
  return useQuery({
    queryKey: computed(() => conversationKeys.typing(toValue(conversationId))),
    queryFn: () => client.getQueryData<TypingData>(conversationKeys.typing(toValue(conversationId))) ?? {},
    staleTime: Number.POSITIVE_INFINITY,
    enabled: import.meta.client,
  })
}
