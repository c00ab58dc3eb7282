// The reader has seen the conversation up to now: their unread count goes to zero in every tab
// (the user channel tells their other tabs), and the other participant's "Seen" moves (the
// conversation channel, participants only: observers never learn who read what).
import { useDb } from '../../database/db'
import { announceConversationRead } from './announce-conversation'
import type { ConversationReader } from './conversation-access'

export async function markConversationRead(reader: ConversationReader): Promise<{ lastReadAt: string }> {
  const at = new Date()
  if (reader.role === 'participant') {
    const { conversation, userId } = reader
    await useDb().conversationRead.upsert({
      where: { conversationId_userId: { conversationId: conversation.id, userId } },
      create: { conversationId: conversation.id, userId, lastReadAt: at },
      update: { lastReadAt: at },
    })
    await announceConversationRead(conversation, userId, at)
  }
  return { lastReadAt: at.toISOString() }
}
