// Which cached queries each channel's events keep current. A page loads its data and then
// subscribes; an event published in between (a small upload processed, a message sent) reaches no
// one. The server's answer to a subscribe says when the channel's last event went out, and the
// channel's queries older than that fetch once more; on a quiet channel nothing is fetched again.
import type { QueryClient, QueryKey } from '@tanstack/vue-query'
import { parseChannel } from '#shared/realtime/channels'
import { conversationKeys } from '../queries/conversation/keys'
import { courseKeys } from '../queries/course/keys'
import { mediaKeys } from '../queries/media/keys'
import { observerKeys } from '../queries/observer/keys'
import { chapterKeys, lessonKeys } from '../queries/outline/keys'
import { presenceKeys } from '../queries/presence/keys'
import { studentKeys } from '../queries/student/keys'

export function channelQueryKeys(channel: string): QueryKey[] {
  const parsed = parseChannel(channel)
  switch (parsed?.kind) {
    // Courses, the media library (with its uploads), observers, the conversation list, presence.
    case 'user': return [courseKeys.all, mediaKeys.all, observerKeys.all, conversationKeys.list(), presenceKeys.all]
    // The outline with its upload and processing progress, and the students' progress.
    case 'course': return [chapterKeys.list(parsed.id), lessonKeys.lists(), studentKeys.list(parsed.id)]
    // Messages (and their attachments' processing), my unsent files, who may read each message.
    case 'conversation': return [conversationKeys.stream(parsed.id), conversationKeys.unsentAttachments(parsed.id), observerKeys.visibilities()]
    default: return []
  }
}

// Data rendered on the server carries the server's clock (hydrated as it was), `staleBefore` the
// browser's: clocks kept by NTP differ by far less than the margin of a round trip and a page load
// that separate an event before a page from the page's own data.
export function catchUpChannel(client: QueryClient, channel: string, staleBefore: number): void {
  // Only queries on screen fetch (the others are marked stale); one already under way is left to finish.
  for (const queryKey of channelQueryKeys(channel))
    void client.invalidateQueries({ queryKey, predicate: query => query.state.dataUpdatedAt < staleBefore }, { cancelRefetch: false })
}
