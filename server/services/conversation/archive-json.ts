// The archive's `messages.json` (shared/types/conversation-archive.ts: its shape and version),
// written as a stream: the header fields, then the messages oldest first, one page at a time.
// What the app keeps for itself stays out: the sender's idempotency key, and (instructor only in
// the app) whom each message is granted to.
import { MESSAGE_TYPE_LABELS } from '#shared/schemas/conversation'
import type { ChatMessage } from '#shared/types/conversation'
import { CONVERSATION_ARCHIVE_FORMAT, CONVERSATION_ARCHIVE_VERSION } from '#shared/types/conversation-archive'
import type { ArchivedMessage, ConversationArchive } from '#shared/types/conversation-archive'
import { archivedAttachment, archivePages } from './archive-context'
import type { ArchiveContext } from './archive-context'

export function archivedMessage(context: ArchiveContext, message: ChatMessage): ArchivedMessage {
  const reference = message.reference
  return {
    id: message.id,
    type: message.type,
    typeLabel: MESSAGE_TYPE_LABELS[message.type],
    targetDate: message.targetDate,
    createdAt: message.createdAt,
    senderId: message.sender?.id ?? null,
    sender: message.sender,
    body: message.body,
    access: message.access,
    courseId: message.courseId,
    payload: message.payload,
    attachments: message.attachments.map(attachment => archivedAttachment(context, attachment)),
    reference: reference
      ? { messageId: reference.messageId, attachmentId: reference.attachment?.id ?? null, path: (reference.attachment && context.files.get(reference.attachment.id)) ?? null }
      : null,
  }
}

export async function* jsonMessages(context: ArchiveContext): AsyncGenerator<string> {
  const { student, instructor } = context.conversation
  const header: Omit<ConversationArchive, 'messages'> = {
    format: CONVERSATION_ARCHIVE_FORMAT,
    version: CONVERSATION_ARCHIVE_VERSION,
    exportedAt: context.exportedAt.toISOString(),
    exportedBy: context.exportedBy,
    conversation: { id: context.conversation.id, createdAt: context.conversation.createdAt.toISOString(), student, instructor },
    participants: [student, instructor],
  }
  // The header's JSON without its closing brace, then the messages array.
  yield `${JSON.stringify(header, null, 2).slice(0, -2)},\n  "messages": [`
  let first = true
  for await (const page of archivePages(context)) {
    yield page.map((message) => {
      const text = `${first ? '' : ','}\n    ${JSON.stringify(archivedMessage(context, message))}`
      first = false
      return text
    }).join('')
  }
  yield `${first ? '' : '\n  '}]\n}\n`
}
