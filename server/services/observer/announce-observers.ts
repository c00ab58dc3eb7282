// The observer domain's live side, after a link or unlink has committed: the instructor's other
// tabs refresh their observers panel, and the observer's /messages list gains or drops the pair's
// conversation (on unlink their sockets also leave its channel, so nothing more reaches them).
import { conversationChannel, userChannel } from '#shared/realtime/channels'
import { broadcast, dropUsersFromChannel } from '../../realtime/broadcast'

interface ObserverChange {
  instructorId: string
  studentId: string
  observerId: string
  /** The pair's conversation, when they have one yet. */
  conversation: { id: string, lastMessageAt: Date | null, createdAt: Date } | null
}

const touched = (observerId: string, conversation: NonNullable<ObserverChange['conversation']>) =>
  broadcast(userChannel(observerId), { type: 'conversation-touched', conversationId: conversation.id, at: (conversation.lastMessageAt ?? conversation.createdAt).toISOString() })

export async function announceObserverLinked({ instructorId, studentId, observerId, conversation }: ObserverChange): Promise<void> {
  await Promise.all([
    broadcast(userChannel(instructorId), { type: 'observers-changed', studentId }),
    conversation && touched(observerId, conversation),
  ])
}

export async function announceObserverUnlinked({ instructorId, studentId, observerId, conversation }: ObserverChange): Promise<void> {
  await Promise.all([
    conversation && dropUsersFromChannel(conversationChannel(conversation.id), [observerId]),
    conversation && touched(observerId, conversation),
    broadcast(userChannel(instructorId), { type: 'observers-changed', studentId }),
  ])
}
