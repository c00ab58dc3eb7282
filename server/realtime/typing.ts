// "Is typing…": a socket's typing signal, relayed to the other participant of the conversation
// and to no one else (never to the student's observers, never back to the sender's own tabs).
// Only a participant may signal; anyone else is refused. Nothing is stored: the receiver shows
// it for a few seconds and lets it expire.
import type { Peer } from 'crossws'
import type { User } from '#auth-utils'
import { conversationChannel } from '#shared/realtime/channels'
import { findOtherParticipant } from '../services/conversation/conversation-access'
import { broadcast } from './broadcast'

/** Clients signal every ~2 s while typing; anything faster from one socket is dropped, not relayed. */
const MIN_INTERVAL_MS = 1000
/** Conversations a socket has asked about; a conversation's participants never change, so the answer can be kept. */
const MAX_REMEMBERED = 50

interface SocketTyping {
  /** conversation id → the other participant's id, or null when this user is not a participant */
  otherIn: Map<string, string | null>
  lastSent: Map<string, number>
}

const bySocket = new WeakMap<Peer, SocketTyping>()

async function otherParticipant(state: SocketTyping, conversationId: string, userId: string): Promise<string | null> {
  if (state.otherIn.has(conversationId)) return state.otherIn.get(conversationId)!
  const other = await findOtherParticipant({ conversationId, userId })
  if (state.otherIn.size >= MAX_REMEMBERED) state.otherIn.clear()
  state.otherIn.set(conversationId, other)
  return other
}

export async function relayTyping(peer: Peer, user: User, conversationId: string): Promise<'relayed' | 'throttled' | 'forbidden'> {
  let state = bySocket.get(peer)
  if (!state) bySocket.set(peer, state = { otherIn: new Map(), lastSent: new Map() })
  const other = await otherParticipant(state, conversationId, user.id)
  if (!other) return 'forbidden'
  const now = Date.now()
  if (now - (state.lastSent.get(conversationId) ?? 0) < MIN_INTERVAL_MS) return 'throttled'
  if (state.lastSent.size >= MAX_REMEMBERED) state.lastSent.clear()
  state.lastSent.set(conversationId, now)
  await broadcast(conversationChannel(conversationId), { type: 'typing', conversationId, userId: user.id, name: user.name }, { onlyUsers: [other] })
  return 'relayed'
}
