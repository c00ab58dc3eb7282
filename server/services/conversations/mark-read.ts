// The reader has seen the conversation up to now: their unread count goes to zero in every tab
// (the user channel tells their other tabs).
import { userChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'
import { useDb } from '../../utils/db'
import type { ConversationReader } from './reader'

export async function markRead(reader: ConversationReader): Promise<{ lastReadAt: string }> {
  const at = new Date()
  if (reader.role === 'participant') {
    await useDb().conversationRead.upsert({
      where: { conversationId_userId: { conversationId: reader.conversation.id, userId: reader.userId } },
      create: { conversationId: reader.conversation.id, userId: reader.userId, lastReadAt: at },
      update: { lastReadAt: at },
    })
    await broadcast(userChannel(reader.userId), { type: 'conversation-touched', conversationId: reader.conversation.id, at: at.toISOString() })
  }
  return { lastReadAt: at.toISOString() }
}
