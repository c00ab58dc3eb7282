// What the conversation routes answer (dates are ISO strings; targetDate is YYYY-MM-DD).
import type { MessageAccess, MessageType } from '../schemas/conversation'

export interface Participant {
  id: string
  name: string
  role: 'INSTRUCTOR' | 'STUDENT' | 'OBSERVER'
}

export interface ConversationSummary {
  id: string
  student: Participant
  instructor: Participant
  /** The other person, from the reader's side. */
  other: Participant
  lastMessage: { id: string, type: MessageType, preview: string, senderId: string | null, createdAt: string } | null
  lastMessageAt: string | null
  unread: number
  /** The reader's place: a participant, or an observer (read-only). */
  readerRole: 'participant' | 'observer'
  /** How far each participant has read (user id → ISO time); empty for observers. */
  readState: Record<string, string>
}

/** A file sent with a message: its metadata only; the bytes load when opened. */
export interface MessageAttachment {
  id: string
  name: string
  mimeType: string
  sizeBytes: number
  /** Pixel size of an image or video, once processed. */
  width: number | null
  height: number | null
  status: 'UPLOADING' | 'PROCESSING' | 'READY' | 'FAILED'
  hasThumbnail: boolean
}

/** An attachment of an earlier message this one points at; `attachment` is null when the reader may not see it. */
export interface AttachmentReference {
  messageId: string | null
  attachment: MessageAttachment | null
}

/** One of my uploaded files not yet sent in a message (the composer's attachments). */
export interface PendingAttachment extends MessageAttachment {
  receivedBytes: number
}

export interface ChatMessage {
  id: string
  conversationId: string
  type: MessageType
  body: string
  targetDate: string
  createdAt: string
  sender: Participant | null
  courseId: string | null
  payload: Record<string, unknown>
  access: MessageAccess
  clientKey: string | null
  attachments: MessageAttachment[]
  reference: AttachmentReference | null
  /** Observers this message is granted to explicitly (ids): only in its instructor's view. */
  grantedTo?: string[]
}

export interface MessagePage {
  /** Oldest first within the page. */
  messages: ChatMessage[]
  /** Pass as `before` to load older messages; null at the start of the conversation. */
  olderCursor: string | null
  /** Pass as `after` to load newer messages; null when the page reaches the newest message. */
  newerCursor: string | null
}
