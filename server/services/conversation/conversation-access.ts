// Who may read a conversation, and as what: its student and instructor (participants), or an
// observer the instructor linked to that student (read-only, shared messages only). Everyone
// else: 404, the same answer as for a conversation that does not exist.
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'

export interface ConversationReader {
  conversation: { id: string, studentId: string, instructorId: string }
  userId: string
  role: 'participant' | 'observer'
}

export async function readerOf({ conversationId, userId }: { conversationId: string, userId: string }): Promise<ConversationReader> {
  const conversation = await useDb().conversation.findUnique({ where: { id: conversationId }, select: { id: true, studentId: true, instructorId: true } })
  if (!conversation) throw notFound('Conversation')
  if (conversation.studentId === userId || conversation.instructorId === userId) return { conversation, userId, role: 'participant' }
  const link = await useDb().observerLink.findUnique({
    where: { observerId_studentId_instructorId: { observerId: userId, studentId: conversation.studentId, instructorId: conversation.instructorId } },
    select: { observerId: true },
  })
  if (!link) throw notFound('Conversation')
  return { conversation, userId, role: 'observer' }
}

/** May this user read the conversation at all (socket subscriptions)? */
export async function canReadConversation(conversationId: string, userId: string): Promise<boolean> {
  return readerOf({ conversationId, userId }).then(() => true, () => false)
}

/**
 * The other participant of a conversation, for this user's typing signal; null when the user is
 * not a participant (observers and strangers may not signal) or the conversation does not exist.
 */
export async function findOtherParticipant({ conversationId, userId }: { conversationId: string, userId: string }): Promise<string | null> {
  const conversation = await useDb().conversation.findUnique({ where: { id: conversationId }, select: { studentId: true, instructorId: true } })
  return conversation?.studentId === userId ? conversation.instructorId : conversation?.instructorId === userId ? conversation.studentId : null
}
