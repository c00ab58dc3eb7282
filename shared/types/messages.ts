// What the conversation routes answer (dates are ISO strings; targetDate is YYYY-MM-DD).
import type { MessageAccess, MessageType } from '../schemas/messages'

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
