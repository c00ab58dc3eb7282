// A message's visibility, the instructor's to decide: only the conversation's instructor may see
// or change who besides the pair reads a message. The student of the conversation is told no
// (403, as for writing a type that is not theirs); anyone else gets the 404 of a missing message.
import type { MessageVisibility } from '#shared/types/observers'
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../utils/db'
import { listLinkedObservers } from '../observer/list-linked-observers'

export interface InstructorsMessage {
  id: string
  conversation: { id: string, studentId: string, instructorId: string }
}

export async function instructorsMessage({ userId, messageId }: { userId: string, messageId: string }): Promise<InstructorsMessage> {
  const message = await useDb().message.findUnique({
    where: { id: messageId },
    select: { id: true, conversation: { select: { id: true, studentId: true, instructorId: true } } },
  })
  if (message?.conversation.instructorId === userId) return message
  if (message?.conversation.studentId === userId) throw new AppError('FORBIDDEN', 'Only the instructor decides who else may read a message')
  throw notFound('Message')
}

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
