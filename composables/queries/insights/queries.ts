// The Vue Query layer for insights: the instructor's conversation insights (one query per range),
// and the media insights page's four analytics queries, one per domain and endpoint, fetched in
// parallel. Each is aggregated on the server; anything combining two domains is done by the
// chart that shows it (a computed over the query data), never by merging the caches.
import { keepPreviousData } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { MediaInsightsRangeQuery } from '#shared/schemas/media-insights'
import type { ConversationInsights } from '#shared/types/insights'
import type { PerformanceInsights, StorageInsights, UploadsInsights, UsageInsights } from '#shared/types/media-insights'
import { useApi } from '../../api/api-client'
import { useSsrQuery } from '../ssr-query'
import { insightKeys, mediaInsightKeys } from './keys'
import type { MediaInsightDomain } from './keys'

export function useConversationInsightsQuery(weeks: MaybeRefOrGetter<number>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => insightKeys.conversations(toValue(weeks))),
    queryFn: () => api<ConversationInsights>('/api/insights/conversations', { query: { weeks: toValue(weeks) } }),
  })
}

/** Analytics move slowly: a range fetched in the last five minutes is shown without asking again. */
export const MEDIA_INSIGHTS_STALE_MS = 5 * 60_000

function useMediaInsightQuery<T>(domain: MediaInsightDomain, range: MaybeRefOrGetter<MediaInsightsRangeQuery>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => mediaInsightKeys[domain](toValue(range))),
    // The range comes from the key, so a response always belongs to the key it is stored under.
    queryFn: ({ queryKey }) => api<T>(`/api/media/insights/${domain}`, { query: { ...queryKey[2] } }),
    staleTime: MEDIA_INSIGHTS_STALE_MS,
    // While a new range loads, the charts keep the last one (marked as updating) instead of blanking.
    placeholderData: keepPreviousData,
  })
}

export function useMediaInsightsQueries(range: MaybeRefOrGetter<MediaInsightsRangeQuery>) {
  return {
    storage: useMediaInsightQuery<StorageInsights>('storage', range),
    usage: useMediaInsightQuery<UsageInsights>('usage', range),
    uploads: useMediaInsightQuery<UploadsInsights>('uploads', range),
    performance: useMediaInsightQuery<PerformanceInsights>('performance', range),
  }
}
