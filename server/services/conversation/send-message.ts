// Sending a message: who may send which type (students write daily notes; instructors responses
// and milestones), its access (instructors choose; students' notes stay private to the pair),
// the sender's own unsent attachments it carries and an earlier attachment it points at, then
// one insert keyed by the sender's idempotency key, so a retried send returns the message it
// already stored instead of adding a second. Then the live event, to those who may read it.
import type { SendMessageData } from '#shared/schemas/conversation'
import type { ChatMessage } from '#shared/types/conversation'
import { Prisma } from '../../generated/prisma/client'
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { announceMessage } from './announce-conversation'
import { fromSelectedMessage, messageSelect, toChatMessage } from './message-dto'
import type { ConversationReader } from './conversation-access'
import { checkReference, claimAttachments, checkSendableAttachments } from './attachment-rules'

export async function sendMessage(reader: ConversationReader, input: SendMessageData): Promise<{ message: ChatMessage, created: boolean }> {
  if (reader.role !== 'participant') throw notFound('Conversation')
  const { conversation, userId } = reader
  const isStudent = conversation.studentId === userId
  if (isStudent && input.type !== 'DAILY_NOTE') throw new AppError('FORBIDDEN', 'Students write daily notes')
  if (!isStudent && input.type === 'DAILY_NOTE') throw new AppError('FORBIDDEN', 'Daily notes are written by the student')
  const db = useDb()
  const existing = () => db.message.findUnique({ where: { conversationId_senderId_clientKey: { conversationId: conversation.id, senderId: userId, clientKey: input.clientKey } }, select: messageSelect })
  // A retry of a send that was stored answers with it, before its attachments (now sent) are checked again.
  const found = await existing()
  if (found) return { message: toChatMessage(fromSelectedMessage(found)), created: false }

  if (input.courseId) {
    const course = await db.course.findFirst({ where: { id: input.courseId, ownerId: conversation.instructorId }, select: { id: true } })
    if (!course) throw new AppError('VALIDATION', 'That course is not one of this instructor’s', { fields: { courseId: ['Unknown course'] } })
  }
  const access = isStudent ? 'PARTICIPANTS' : (input.access ?? (input.type === 'MILESTONE' ? 'OBSERVERS' : 'PARTICIPANTS'))
  await checkSendableAttachments({ conversationId: conversation.id, userId, attachmentIds: input.attachmentIds })
  if (input.referenceAttachmentId) await checkReference({ conversationId: conversation.id, attachmentId: input.referenceAttachmentId, access })
  const payload = input.type === 'MILESTONE' ? { v: 1, kind: 'custom' } : { v: 1 }

  let row
  try {
    row = await db.$transaction(async (tx) => {
      const created = await tx.message.create({
        data: {
          conversationId: conversation.id, senderId: userId, type: input.type, body: input.body, targetDate: new Date(`${input.targetDate}T00:00:00Z`),
          courseId: input.courseId ?? null, payload, access, clientKey: input.clientKey, referencedAttachmentId: input.referenceAttachmentId ?? null,
        },
        select: { id: true },
      })
      await claimAttachments(tx, { messageId: created.id, userId, attachmentIds: input.attachmentIds })
      return tx.message.findUniqueOrThrow({ where: { id: created.id }, select: messageSelect })
    })
  }
  catch (error) {
    // The same key racing itself (a double click, a retry while the first is in flight).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const again = await existing()
      if (again) return { message: toChatMessage(fromSelectedMessage(again)), created: false }
    }
    throw error
  }
  await db.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: row.createdAt } })
  const message = toChatMessage(fromSelectedMessage(row))
  await announceMessage(conversation, message)
  return { message, created: true }
}
