// The conversation's live side, after its write has committed, each event only to those who may
// read it: a new message (the stream's channel, and each participant's list), a read receipt,
// a message whose visibility changed.
import type { ChatMessage } from '#shared/types/conversation'
import { conversationChannel, userChannel } from '#shared/realtime/channels'
import { broadcast, broadcastToUsers } from '../../realtime/broadcast'
import { audienceOf } from './message-dto'

interface Pair { id: string, studentId: string, instructorId: string }

/** A new message: the stream's channel, and each participant's /messages list. */
export async function announceMessage(conversation: Pair, message: ChatMessage): Promise<void> {
  await Promise.all([
    broadcast(conversationChannel(conversation.id), { type: 'message-created', conversationId: conversation.id, message }, { onlyUsers: audienceOf(message, conversation) }),
    ...[conversation.studentId, conversation.instructorId].map(user => broadcast(userChannel(user), { type: 'conversation-touched', conversationId: conversation.id, at: message.createdAt })),
  ])
}

/**
 * A participant read the conversation: their unread count goes to zero in every tab (their user
 * channel), and the other participant's "Seen" moves (participants only: observers never learn
 * who read what).
 */
export async function announceConversationRead(conversation: Pair, userId: string, at: Date): Promise<void> {
  await Promise.all([
    broadcast(userChannel(userId), { type: 'conversation-touched', conversationId: conversation.id, at: at.toISOString() }),
    broadcast(conversationChannel(conversation.id), { type: 'conversation-read', conversationId: conversation.id, userId, lastReadAt: at.toISOString() }, { onlyUsers: [conversation.studentId, conversation.instructorId] }),
  ])
}

/**
 * A message's visibility changed: participants get it with its new access (the instructor with
 * whom it is granted to), observers who can now read it get it, those who no longer can get
 * `message-hidden`, and everyone whose list may show another last message is touched.
 */
export async function announceMessageAccess({ conversation, message, grantedTo, readers, hiddenFrom, touched }: { conversation: Pair, message: ChatMessage, grantedTo: string[], readers: Iterable<string>, hiddenFrom: string[], touched: string[] }): Promise<void> {
  const channel = conversationChannel(conversation.id)
  await Promise.all([
    // Whom it is granted to is the instructor's to know; the student and observers get the message alone.
    broadcast(channel, { type: 'message-access-changed', conversationId: conversation.id, message: { ...message, grantedTo } }, { onlyUsers: [conversation.instructorId] }),
    broadcast(channel, { type: 'message-access-changed', conversationId: conversation.id, message }, { onlyUsers: [conversation.studentId, ...readers] }),
    hiddenFrom.length && broadcast(channel, { type: 'message-hidden', conversationId: conversation.id, messageId: message.id }, { onlyUsers: hiddenFrom }),
    // Their /messages list shows the last message they may read: it may have changed.
    broadcastToUsers(touched, { type: 'conversation-touched', conversationId: conversation.id, at: message.createdAt }),
  ])
}
