// This instance's open sockets, indexed by channel so a broadcast touches only subscribers.
// Nitro keeps its crossws adapter private, so delivery goes through this registry (STACK-NOTES).
import type { Peer } from 'crossws'
import type { ServerMessage } from '#shared/realtime/protocol'
import { CLOSE_SESSION_ENDED } from '#shared/realtime/protocol'

export interface PeerIdentity {
  userId: string
  sessionId: string
}

const identities = new Map<Peer, PeerIdentity>()
const subscribers = new Map<string, Set<Peer>>()

export const MAX_CHANNELS_PER_SOCKET = 100

export function send(peer: Peer, message: ServerMessage): void {
  peer.send(JSON.stringify(message))
}

export function addPeer(peer: Peer, identity: PeerIdentity): void {
  identities.set(peer, identity)
}

export function removePeer(peer: Peer): void {
  identities.delete(peer)
  for (const channel of peer.topics) unsubscribePeer(peer, channel)
}

export function subscribePeer(peer: Peer, channel: string): boolean {
  if (!peer.topics.has(channel) && peer.topics.size >= MAX_CHANNELS_PER_SOCKET) return false
  peer.subscribe(channel)
  let set = subscribers.get(channel)
  if (!set) subscribers.set(channel, set = new Set())
  set.add(peer)
  return true
}

export function unsubscribePeer(peer: Peer, channel: string): void {
  peer.unsubscribe(channel)
  const set = subscribers.get(channel)
  set?.delete(peer)
  if (set && !set.size) subscribers.delete(channel)
}

/**
 * Sends an already-serialised message to every local subscriber of a channel. It is encoded
 * once and the same bytes go to each socket as a text frame (crossws passes `binary` through to
 * ws), instead of one string-to-bytes conversion per subscriber.
 */
export function deliverLocally(channel: string, text: string, onlyUsers?: string[]): number {
  const set = subscribers.get(channel)
  if (!set) return 0
  const bytes = Buffer.from(text)
  const asText = { binary: false } as { compress?: boolean }
  const allowed = onlyUsers && new Set(onlyUsers)
  let sent = 0
  for (const peer of set) {
    if (allowed && !allowed.has(identities.get(peer)?.userId ?? '')) continue
    peer.send(bytes, asText)
    sent++
  }
  return sent
}

/** Signing out ends the session's sockets, with a code that tells the client not to retry. */
export function closeSessionLocally(sessionId: string): void {
  for (const [peer, identity] of identities) {
    if (identity.sessionId === sessionId) peer.close(CLOSE_SESSION_ENDED, 'Signed out')
  }
}

/** Access to a channel ended for everyone (e.g. its course was deleted): unsubscribe and say why. */
export function dropChannelLocally(channel: string, reason: 'deleted' | 'access-lost'): void {
  for (const peer of [...(subscribers.get(channel) ?? [])]) {
    unsubscribePeer(peer, channel)
    send(peer, { op: 'unsubscribed', channel, reason })
  }
}

/** Some users lost access to a channel: only their sockets are unsubscribed, and told why. */
export function dropUsersLocally(channel: string, userIds: string[], reason: 'access-lost'): void {
  const users = new Set(userIds)
  for (const peer of [...(subscribers.get(channel) ?? [])]) {
    if (!users.has(identities.get(peer)?.userId ?? '')) continue
    unsubscribePeer(peer, channel)
    send(peer, { op: 'unsubscribed', channel, reason })
  }
}

export function localPeerCount(): number {
  return identities.size
}

/** Closes every socket of this instance with `code` (shutdown: the clients reconnect elsewhere). */
export function closeAllPeers(code: number, reason: string): number {
  const peers = [...identities.keys()]
  for (const peer of peers) peer.close(code, reason)
  return peers.length
}
