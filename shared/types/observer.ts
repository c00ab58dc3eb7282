// What the observer and visibility routes answer (dates are ISO strings).
import type { MessageAccess } from '../schemas/conversation'

/** An observer linked to a student by the instructor asking. */
export interface ObserverRow {
  id: string
  name: string
  email: string
  linkedAt: string
}

export interface StudentObservers {
  student: { id: string, name: string }
  observers: ObserverRow[]
}

/** Who may read one message besides its conversation's pair (the instructor's view). */
export interface MessageVisibility {
  messageId: string
  conversationId: string
  access: MessageAccess
  /** Observers this message is granted to explicitly (ids; all linked to the pair). */
  grantedTo: string[]
  /** The observers linked to the pair: whom it can be granted to. */
  observers: ObserverRow[]
}
