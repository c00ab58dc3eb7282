// Who may read which channel: one rule per channel kind, each asking the service that owns the
// subject, and every subscription goes through this one function.
import type { User } from '#auth-utils'
import { parseChannel } from '#shared/realtime/channels'
import type { ChannelKind } from '#shared/realtime/channels'
import { canReadConversation } from '../services/conversation/conversation-access'
import { ownsLiveCourse } from '../services/course/course-access'

const rules: Record<ChannelKind, (user: User, id: string) => Promise<boolean>> = {
  user: async (user, id) => user.id === id,
  course: (user, id) => ownsLiveCourse({ userId: user.id, courseId: id }),
  // Participants and linked observers; what each may receive is filtered per message.
  conversation: async (user, id) => canReadConversation(id, user.id),
}

export async function canReadChannel(user: User, channel: string): Promise<boolean> {
  const parsed = parseChannel(channel)
  return parsed ? rules[parsed.kind](user, parsed.id) : false
}
