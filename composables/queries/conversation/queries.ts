// The Vue Query layer's reads for conversations: the list, each stream (infinite: older pages on
// demand, and newer ones after a jump to a day), my unsent attachments, and who is typing.
import { useMutationState, useQuery, useQueryClient } from '@tanstack/vue-query'
import type { QueryKey } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { ConversationSummary, PendingAttachment } from '#shared/types/conversation'
import { useApi } from '../../api/api-client'
import { useSsrInfiniteQuery, useSsrQuery } from '../ssr-query'
import type { StreamPage, StreamPageParam } from './cache'
import type { TypingData } from './cache-typing'
import { conversationKeys } from './keys'
import type { OutboxVariables } from './outbox'

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
  return useSsrInfiniteQuery(() => {
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

/**
 * My files uploaded into the conversation and not sent yet: the composer's attachments (they
 * survive a reload). Files riding with a message in the outbox are not the composer's any more,
 * though the server counts them unsent until the message arrives.
 */
export function useUnsentAttachmentsQuery(conversationId: MaybeRefOrGetter<string>, enabled: MaybeRefOrGetter<boolean> = true) {
  const api = useApi()
  const inOutbox = useMutationState(() => ({
    filters: { mutationKey: conversationKeys.outboxOf(toValue(conversationId)), predicate: m => m.state.status === 'pending' || m.state.status === 'error' },
    select: mutation => (mutation.state.variables as OutboxVariables | undefined)?.input.attachmentIds ?? [],
  }))
  const held = computed(() => new Set(inOutbox.value.flat()))
  return useQuery({
    queryKey: computed(() => conversationKeys.unsentAttachments(toValue(conversationId))),
    queryFn: () => api<PendingAttachment[]>(`/api/conversations/${encodeURIComponent(toValue(conversationId))}/attachments`),
    select: computed(() => {
      const ids = held.value
      return (list: PendingAttachment[]) => (ids.size ? list.filter(a => !ids.has(a.id)) : list)
    }),
    enabled,
    // Progress and state arrive through the socket (or this tab's uploader while it is down).
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/**
 * Who is typing in a conversation (user id → name). Only socket events fill it (cache-typing.ts);
 * its "fetch" returns what the cache already holds, so a refetch after an outage keeps it.
 */
export function useTypingQuery(conversationId: MaybeRefOrGetter<string>) {
  const client = useQueryClient()
  return useQuery({
    queryKey: computed(() => conversationKeys.typing(toValue(conversationId))),
    queryFn: () => client.getQueryData<TypingData>(conversationKeys.typing(toValue(conversationId))) ?? {},
    staleTime: Number.POSITIVE_INFINITY,
  })
}
