// The conversation archive's machine-readable part, `messages.json` (docs/architecture.md, "The
// conversation archive format"). Version 1. A later version may add fields; it changes `version`
// only when a field's meaning changes or one goes away, so readers check `version` and ignore
// fields they do not know.
import type { MessageAccess, MessageType } from '../schemas/conversation'
import type { Participant } from './conversation'

export const CONVERSATION_ARCHIVE_FORMAT = 'lectern-conversation-archive'
export const CONVERSATION_ARCHIVE_VERSION = 1

/** A file sent with a message. `path` is where its bytes are in the archive, null when they are not in it. */
export interface ArchivedAttachment {
  id: string
  name: string
  mimeType: string
  sizeBytes: number
  width: number | null
  height: number | null
  status: 'UPLOADING' | 'PROCESSING' | 'READY' | 'FAILED'
  path: string | null
  /** Why the bytes are not in the archive: not processed yet, failed, or missing from storage. */
  missing?: 'not-ready' | 'failed' | 'not-stored'
}

export interface ArchivedMessage {
  id: string
  type: MessageType
  /** The type as the app labels it ("Daily note", "Response", "Activity", "Milestone"). */
  typeLabel: string
  /** The day the message is about (YYYY-MM-DD, the writer's calendar day); the stream groups by it. */
  targetDate: string
  /** When it was sent (ISO 8601, UTC). */
  createdAt: string
  /** Null for what Lectern writes itself (activity, milestones from learning). */
  senderId: string | null
  sender: Participant | null
  body: string
  access: MessageAccess
  courseId: string | null
  /** The type's versioned extra data (shared/schemas/conversation.ts, MessagePayloads). */
  payload: Record<string, unknown>
  attachments: ArchivedAttachment[]
  /** An earlier file this message points at; `attachmentId` and `path` are null when the reader may not see it. */
  reference: { messageId: string | null, attachmentId: string | null, path: string | null } | null
}

/** `messages.json`, written as a stream: `messages` comes last, oldest first. */
export interface ConversationArchive {
  format: typeof CONVERSATION_ARCHIVE_FORMAT
  version: typeof CONVERSATION_ARCHIVE_VERSION
  exportedAt: string
  /** Who downloaded it, and as what: a participant gets every message, an observer only those shared with them. */
  exportedBy: Participant & { readerRole: 'participant' | 'observer' }
  conversation: { id: string, createdAt: string, student: Participant, instructor: Participant }
  participants: Participant[]
  messages: ArchivedMessage[]
}
