// Conversation insights for the signed-in instructor (one query key per range).
import type { MaybeRefOrGetter } from 'vue'
import type { ConversationInsights } from '#shared/types/insights'
import { useApi } from '../api/api-client'
import { useSsrQuery } from './ssr-query'

export const insightKeys = {
  all: ['insights'] as const,
  conversations: (weeks: number) => [...insightKeys.all, 'conversations', weeks] as const,
}

export function useConversationInsightsQuery(weeks: MaybeRefOrGetter<number>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => insightKeys.conversations(toValue(weeks))),
    queryFn: () => api<ConversationInsights>('/api/insights/conversations', { query: { weeks: toValue(weeks) } }),
  })
}
