// Messages Lectern writes into a conversation from what happens in the portal: activity (enrolled,
// lesson completed) and milestones (course completed). Shared with the student's observers by
// default, as the issue asks; no sender. Written with the event's day as their targetDate.
import type { MessagePayload } from '#shared/schemas/messages'
import { useDb } from '../../utils/db'
import { ensureConversation } from './ensure-conversation'
import { fromSelectedMessage, toChatMessage } from './message-dto'
import { announce, messageRowSelect } from './send-message'

type SystemMessage
  = | { type: 'ACTIVITY_LOG', body: string, payload: MessagePayload<'ACTIVITY_LOG'> }
    | { type: 'MILESTONE', body: string, payload: MessagePayload<'MILESTONE'> }

export async function writeSystemMessage({ studentId, instructorId, courseId, at, message }: { studentId: string, instructorId: string, courseId: string | null, at: Date, message: SystemMessage }): Promise<void> {
  const conversationId = await ensureConversation({ studentId, instructorId })
  const row = await useDb().message.create({
    data: { conversationId, senderId: null, type: message.type, body: message.body, payload: message.payload, targetDate: new Date(at.toISOString().slice(0, 10)), courseId, access: 'OBSERVERS', createdAt: at },
    select: messageRowSelect,
  })
  await useDb().conversation.update({ where: { id: conversationId }, data: { lastMessageAt: row.createdAt } })
  await announce({ id: conversationId, studentId, instructorId }, toChatMessage(fromSelectedMessage(row)))
}
