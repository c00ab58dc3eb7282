// The one place a message row becomes what the API and the socket send.
import type { MessageAccess, MessageType } from '#shared/schemas/messages'
import type { ChatMessage, Participant } from '#shared/types/messages'

export interface MessageRow {
  id: string
  conversationId: string
  type: MessageType
  body: string
  targetDate: Date | string
  createdAt: Date | string
  courseId: string | null
  payload: unknown
  access: MessageAccess
  clientKey: string | null
  sender: Participant | null
  /** Read for the conversation's instructor only. */
  grantedTo?: string[] | null
}

const day = (value: Date | string) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10))

export function toChatMessage(row: MessageRow): ChatMessage {
  return {
    id: row.id,
    conversationId: row.conversationId,
    type: row.type,
    body: row.body,
    targetDate: day(row.targetDate),
    createdAt: new Date(row.createdAt).toISOString(),
    sender: row.sender,
    courseId: row.courseId,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    access: row.access,
    clientKey: row.clientKey,
    ...(row.grantedTo ? { grantedTo: row.grantedTo } : {}),
  }
}

/** Who may receive a message live: everyone on the channel when shared, else the pair and grants. */
export function audienceOf(message: { access: MessageAccess }, conversation: { studentId: string, instructorId: string }, grants: string[] = []): string[] | undefined {
  return message.access === 'OBSERVERS' ? undefined : [conversation.studentId, conversation.instructorId, ...grants]
}
