// Who besides the pair may read a message (its access and grants), as the instructor's
// visibility dialog shows it: the instructor only (message-access.ts).
import type { MessageVisibility } from '#shared/types/observer'
import { useDb } from '../../database/db'
import { listLinkedObservers } from '../observer/list-linked-observers'
import { instructorsMessage } from './message-access'

export async function getMessageVisibility({ userId, messageId }: { userId: string, messageId: string }): Promise<MessageVisibility> {
  const { conversation } = await instructorsMessage({ userId, messageId })
  const [row, observers] = await Promise.all([
    useDb().message.findUniqueOrThrow({ where: { id: messageId }, select: { access: true, grants: { select: { userId: true } } } }),
    listLinkedObservers({ studentId: conversation.studentId, instructorId: conversation.instructorId }),
  ])
  const linked = new Set(observers.map(o => o.id))
  return {
    messageId,
    conversationId: conversation.id,
    access: row.access,
    grantedTo: row.grants.map(g => g.userId).filter(id => linked.has(id)).sort(),
    observers,
  }
}
