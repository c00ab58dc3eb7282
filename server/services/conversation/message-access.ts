// A message's visibility, the instructor's to decide: only the conversation's instructor may see
// or change who besides the pair reads a message. The student of the conversation is told no
// (403, as for writing a type that is not theirs); anyone else gets the 404 of a missing message.
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'

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
