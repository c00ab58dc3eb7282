// The one place a message row becomes what the API and the socket send. Rows come two ways: the
// page query's raw SQL (attachments and the reference already shaped, visibility decided per
// reader in SQL) and Prisma selects (messageSelect below, for a send or a system message).
import type { MessageAccess, MessageType } from '#shared/schemas/conversation'
import type { AttachmentReference, ChatMessage, MessageAttachment, Participant } from '#shared/types/conversation'
import { attachmentSelect, toMessageAttachment } from './attachment-dto'
import type { AttachmentRow } from './attachment-dto'

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
  attachments: MessageAttachment[]
  reference: AttachmentReference | null
  /** Read for the conversation's instructor only. */
  grantedTo?: string[] | null
}

/** A message as Prisma selects it for the API: sender, attachments, the referenced attachment. */
export const messageSelect = {
  id: true, conversationId: true, type: true, body: true, targetDate: true, createdAt: true, courseId: true, payload: true, access: true, clientKey: true,
  sender: { select: { id: true, name: true, role: true } },
  attachments: { select: attachmentSelect, orderBy: { createdAt: 'asc' } },
  referencedAttachmentId: true,
  referencedAttachment: { select: { ...attachmentSelect, message: { select: { id: true, access: true } } } },
  grants: { select: { userId: true } },
} as const

interface SelectedMessage extends Omit<MessageRow, 'attachments' | 'reference'> {
  attachments: AttachmentRow[]
  referencedAttachmentId: string | null
  referencedAttachment: (AttachmentRow & { message: { id: string, access: MessageAccess } | null }) | null
  grants: { userId: string }[]
}

/**
 * From a Prisma select. It goes to everyone who may read the message at once, so the referenced
 * file is shown only when all of them may see it: its message is shared with observers, or this
 * one reaches the pair alone (sending refuses a shared message pointing at a private file).
 */
export function fromSelectedMessage({ attachments, referencedAttachmentId, referencedAttachment: referenced, grants, ...row }: SelectedMessage): MessageRow {
  const pairOnly = row.access === 'PARTICIPANTS' && grants.length === 0
  const visible = !!referenced?.message && (referenced.message.access === 'OBSERVERS' || pairOnly)
  return {
    ...row,
    attachments: attachments.map(toMessageAttachment),
    reference: referencedAttachmentId
      ? { messageId: visible ? referenced!.message!.id : null, attachment: visible ? toMessageAttachment(referenced!) : null }
      : null,
  }
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
    attachments: row.attachments,
    reference: row.reference,
    ...(row.grantedTo ? { grantedTo: row.grantedTo } : {}),
  }
}

/** Who may receive a message live: everyone on the channel when shared, else the pair and grants. */
export function audienceOf(message: { access: MessageAccess }, conversation: { studentId: string, instructorId: string }, grants: string[] = []): string[] | undefined {
  return message.access === 'OBSERVERS' ? undefined : [conversation.studentId, conversation.instructorId, ...grants]
}
