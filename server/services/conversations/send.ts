// Sending a message: who may send which type (students write daily notes; instructors responses
// and milestones), its access (instructors choose; students' notes stay private to the pair),
// then one insert keyed by the sender's idempotency key, so a retried send returns the message
// it already stored instead of adding a second. Then the live event, to those who may read it.
import type { SendMessageInput } from '#shared/schemas/messages'
import type { ChatMessage } from '#shared/types/messages'
import { conversationChannel, userChannel } from '#shared/realtime/channels'
import { broadcast } from '../../realtime/broadcast'
import { Prisma } from '../../generated/prisma/client'
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../utils/db'
import { audienceOf, toChatMessage } from './message-dto'
import type { ConversationReader } from './reader'

const senderSelect = { id: true, name: true, role: true } as const
const messageSelect = {
  id: true, conversationId: true, type: true, body: true, targetDate: true, createdAt: true, courseId: true, payload: true, access: true, clientKey: true,
  sender: { select: senderSelect },
} as const

/** The live side of a new message: the stream's channel, and each participant's list. */
export async function announce(conversation: { id: string, studentId: string, instructorId: string }, message: ChatMessage): Promise<void> {
  await Promise.all([
    broadcast(conversationChannel(conversation.id), { type: 'message-created', conversationId: conversation.id, message }, { onlyUsers: audienceOf(message, conversation) }),
    ...[conversation.studentId, conversation.instructorId].map(user => broadcast(userChannel(user), { type: 'conversation-touched', conversationId: conversation.id, at: message.createdAt })),
  ])
}

export const messageRowSelect = messageSelect

export async function sendMessage(reader: ConversationReader, input: SendMessageInput): Promise<{ message: ChatMessage, created: boolean }> {
  if (reader.role !== 'participant') throw notFound('Conversation')
  const { conversation, userId } = reader
  const isStudent = conversation.studentId === userId
  if (isStudent && input.type !== 'DAILY_NOTE') throw new AppError('FORBIDDEN', 'Students write daily notes')
  if (!isStudent && input.type === 'DAILY_NOTE') throw new AppError('FORBIDDEN', 'Daily notes are written by the student')
  if (input.courseId) {
    const course = await useDb().course.findFirst({ where: { id: input.courseId, ownerId: conversation.instructorId }, select: { id: true } })
    if (!course) throw new AppError('VALIDATION', 'That course is not one of this instructor’s', { fields: { courseId: ['Unknown course'] } })
  }
  const access = isStudent ? 'PARTICIPANTS' : (input.access ?? (input.type === 'MILESTONE' ? 'OBSERVERS' : 'PARTICIPANTS'))
  const payload = input.type === 'MILESTONE' ? { v: 1, kind: 'custom' } : { v: 1 }
  const db = useDb()
  const existing = () => db.message.findUnique({ where: { conversationId_senderId_clientKey: { conversationId: conversation.id, senderId: userId, clientKey: input.clientKey } }, select: messageSelect })

  const found = await existing()
  if (found) return { message: toChatMessage(found), created: false }
  let row
  try {
    row = await db.message.create({
      data: { conversationId: conversation.id, senderId: userId, type: input.type, body: input.body, targetDate: new Date(`${input.targetDate}T00:00:00Z`), courseId: input.courseId ?? null, payload, access, clientKey: input.clientKey },
      select: messageSelect,
    })
  }
  catch (error) {
    // The same key racing itself (a double click, a retry while the first is in flight).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const again = await existing()
      if (again) return { message: toChatMessage(again), created: false }
    }
    throw error
  }
  await db.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: row.createdAt } })
  const message = toChatMessage(row)
  await announce(conversation, message)
  return { message, created: true }
}
