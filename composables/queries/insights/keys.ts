// Query keys for insights. Conversation insights: one key per range of weeks. Media insights: one
// key per analytics domain, each holding the range, so a new range fetches the four domains again
// and nothing else (mediaInsightKeys.all refreshes them all).
import type { MediaInsightsRangeQuery } from '#shared/schemas/media-insights'

export const insightKeys = {
  all: ['insights'] as const,
  conversations: (weeks: number) => [...insightKeys.all, 'conversations', weeks] as const,
}

export const MEDIA_INSIGHT_DOMAINS = ['storage', 'usage', 'uploads', 'performance'] as const
export type MediaInsightDomain = typeof MEDIA_INSIGHT_DOMAINS[number]

export const mediaInsightKeys = {
  all: ['media-insights'] as const,
  domain: (domain: MediaInsightDomain) => [...mediaInsightKeys.all, domain] as const,
  storage: (range: MediaInsightsRangeQuery) => [...mediaInsightKeys.domain('storage'), range] as const,
  usage: (range: MediaInsightsRangeQuery) => [...mediaInsightKeys.domain('usage'), range] as const,
  uploads: (range: MediaInsightsRangeQuery) => [...mediaInsightKeys.domain('uploads'), range] as const,
  performance: (range: MediaInsightsRangeQuery) => [...mediaInsightKeys.domain('performance'), range] as const,
}
