// The reader has seen the conversation up to now: their unread count goes to zero in every tab
// (the user channel tells their other tabs), and the other participant's "Seen" moves (the
// conversation channel, participants only: observers never learn who read what).
import { conversationChannel, userChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'
import { useDb } from '../../utils/db'
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
    await Promise.all([
      broadcast(userChannel(userId), { type: 'conversation-touched', conversationId: conversation.id, at: at.toISOString() }),
      broadcast(conversationChannel(conversation.id), { type: 'conversation-read', conversationId: conversation.id, userId, lastReadAt: at.toISOString() }, { onlyUsers: [conversation.studentId, conversation.instructorId] }),
    ])
  }
  return { lastReadAt: at.toISOString() }
}
