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

/** An invitation the instructor sent to an email with no account yet (not accepted yet). */
export interface InvitationRow {
  id: string
  email: string
  invitedAt: string
  /** When the latest mail went (the first or a resend). */
  sentAt: string
  expiresAt: string
  /** Past expiresAt: the link no longer works; a resend makes a new one. */
  expired: boolean
}

/** What linking by email did: linked an observer account, or invited an email with no account. */
export type LinkObserverResult = ObserverRow | InvitationRow
export const isInvitation = (result: LinkObserverResult): result is InvitationRow => 'invitedAt' in result

/** What the invited person sees before accepting. */
export interface InvitationPreview {
  email: string
  instructorName: string
  studentName: string
  expiresAt: string
}

/** After accepting: where the new observer lands. */
export interface AcceptedInvitation {
  user: { id: string, email: string, name: string, role: 'OBSERVER' }
  /** The pair's conversation (`/messages/<id>`), or null when they have not talked yet. */
  conversationId: string | null
}
