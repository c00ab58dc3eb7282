// A student's "Request access" to a priced course, as an activity message in the pair's one
// conversation (created if this is their first contact). The instructor's copy carries an
// "Enrol <student>" button (the payload names the course and the student's account email, which
// the existing add-by-email enrolment takes). Participants only: the email is not the observers'.
// One request per course per day: asking again inside that window finds the first message.
import { Prisma } from '../../generated/prisma/client'
import { useDb } from '../../database/db'
import { announceMessage } from './announce-conversation'
import { ensureConversation } from './ensure-conversation'
import { fromSelectedMessage, messageSelect, toChatMessage } from './message-dto'

export const ACCESS_REQUEST_WINDOW_MS = 24 * 60 * 60 * 1000

export interface AccessRequest {
  student: { id: string, name: string, email: string }
  course: { id: string, title: string, ownerId: string }
}

export async function writeAccessRequest({ student, course }: AccessRequest): Promise<{ conversationId: string, messageId: string, created: boolean }> {
  const conversationId = await ensurePairConversation(student.id, course.ownerId)
  const since = new Date(Date.now() - ACCESS_REQUEST_WINDOW_MS)
  const result = await useDb().$transaction(async (tx) => {
    // The conversation row is the lock: two clicks at once write one message.
    await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ${conversationId} FOR UPDATE`
    const earlier = await tx.message.findFirst({
      where: { conversationId, courseId: course.id, type: 'ACTIVITY_LOG', createdAt: { gte: since }, payload: { path: ['event'], equals: 'access-requested' } },
      select: { id: true },
      orderBy: { createdAt: 'desc' },
    })
    if (earlier) return { row: null, messageId: earlier.id }
    const at = new Date()
    const row = await tx.message.create({
      data: {
        conversationId,
        senderId: null,
        type: 'ACTIVITY_LOG',
        body: `${student.name} asked for access to ${course.title}`,
        payload: { v: 1, event: 'access-requested', courseTitle: course.title, studentName: student.name, studentEmail: student.email },
        targetDate: new Date(at.toISOString().slice(0, 10)),
        courseId: course.id,
        access: 'PARTICIPANTS',
        createdAt: at,
      },
      select: messageSelect,
    })
    await tx.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: row.createdAt } })
    return { row, messageId: row.id }
  })
  if (result.row) await announceMessage({ id: conversationId, studentId: student.id, instructorId: course.ownerId }, toChatMessage(fromSelectedMessage(result.row)))
  return { conversationId, messageId: result.messageId, created: !!result.row }
}

/** Two first requests at once both try to create the pair's conversation: the loser reads the winner's. */
async function ensurePairConversation(studentId: string, instructorId: string): Promise<string> {
  try {
    return await ensureConversation({ studentId, instructorId })
  }
  catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return ensureConversation({ studentId, instructorId })
    throw error
  }
}
