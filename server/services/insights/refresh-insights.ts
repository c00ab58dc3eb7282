// The insights:refresh job's work (server/jobs/handlers.ts): brings the conversation and media
// summaries up to date. (The demo seed calls the two refreshes with its own client.)
import { useDb } from '../../database/db'
import { refreshConversationSummaries } from './refresh-conversation-summaries'
import type { ConversationRefresh } from './refresh-conversation-summaries'
import { refreshMediaSummaries } from './refresh-media-summaries'
import type { MediaRefresh } from './refresh-media-summaries'

export async function refreshInsights(options: { settleSeconds?: number } = {}): Promise<{ conversations: ConversationRefresh, media: MediaRefresh }> {
  const conversations = await refreshConversationSummaries(useDb(), options)
  const media = await refreshMediaSummaries(useDb())
  return { conversations, media }
}
