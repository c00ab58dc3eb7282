// Who may read which channel: one rule per channel kind. Later issues add kinds (conversation,
// enrolment) here, and every subscription goes through this one function.
import type { User } from '#auth-utils'
import { parseChannel } from '#shared/realtime/channels'
import type { ChannelKind } from '#shared/realtime/channels'
import { useDb } from '../utils/db'
import { canReadConversation } from '../services/conversation/conversation-access'

const rules: Record<ChannelKind, (user: User, id: string) => Promise<boolean>> = {
  user: async (user, id) => user.id === id,
  course: async (user, id) => !!(await useDb().course.findFirst({ where: { id, ownerId: user.id, deletedAt: null }, select: { id: true } })),
  // Participants and linked observers; what each may receive is filtered per message.
  conversation: async (user, id) => canReadConversation(id, user.id),
}

export async function canReadChannel(user: User, channel: string): Promise<boolean> {
  const parsed = parseChannel(channel)
  return parsed ? rules[parsed.kind](user, parsed.id) : false
}
