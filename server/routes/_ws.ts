// The realtime socket. A handshake from another site's page is refused (403); then it is
// authenticated in `upgrade` with the session cookie (a missing or forged
// cookie gets a 401 instead of a hanging handshake); then the client subscribes to channels,
// each checked by canReadChannel and refused with an error message, not silence. Each open socket
// is one tab for presence (it reports whether it is visible), and may signal typing.
import type { Peer } from 'crossws'
import type { User } from '#auth-utils'
import { ClientMessage } from '#shared/realtime/protocol'
import { parseChannel } from '#shared/realtime/channels'
import { canReadChannel } from '../realtime/access'
import { lastEventAgoMs } from '../realtime/channel-activity'
import { MAX_CHANNELS_PER_SOCKET, addPeer, removePeer, send, subscribePeer, unsubscribePeer } from '../realtime/peers'
import { tabClosed, tabOpened, tabVisibility } from '../realtime/presence'
import { relayTyping } from '../realtime/typing'
import { isCrossSite } from '../utils/cross-site'

interface SocketContext {
  user: User
  sessionId: string
}

const contextOf = (peer: Peer) => peer.context as unknown as SocketContext
/** Channels whose readers can lose access while subscribed (one's own user channel cannot). */
const revocable = (channel: string) => parseChannel(channel)?.kind !== 'user'

export default defineWebSocketHandler({
  async upgrade(request) {
    // Browsers send Origin with every handshake and cookies whatever site opened it: a socket
    // opened by another site's page would read this visitor's live events (cross-site hijacking).
    if (isCrossSite(name => request.headers.get(name)))
      throw new Response('Live updates are only for this site\'s own pages', { status: 403 })
    const found = await userFromHeaders(request.headers)
    if (!found) throw new Response('Sign in to receive live updates', { status: 401 })
    const { sessionId, ...user } = found
    Object.assign(request.context, { user, sessionId } satisfies SocketContext)
    // The 101 names the instance too (server/middleware/00.instance-name.ts): a socket stays on one.
    const instance = lecternConfig().instanceName
    if (instance) return { headers: { 'x-lectern-instance': instance } }
  },

  open(peer) {
    const { user, sessionId } = contextOf(peer)
    addPeer(peer, { userId: user.id, sessionId })
    tabOpened(peer, user.id)
    send(peer, { op: 'ready', userId: user.id })
  },

  async message(peer, raw) {
    let parsed
    try {
      parsed = ClientMessage.safeParse(raw.json())
    }
    catch {
      parsed = undefined
    }
    if (!parsed?.success) {
      send(peer, { op: 'error', code: 'BAD_MESSAGE', message: 'Send JSON: {"op":"subscribe"|"unsubscribe","channel":"kind:id"}, {"op":"typing","conversationId":"…"}, {"op":"visibility","state":"visible"|"hidden"} or {"op":"ping"}' })
      return
    }
    const message = parsed.data
    if (message.op === 'ping') return send(peer, { op: 'pong' })
    if (message.op === 'visibility') return tabVisibility(peer, message.state)
    if (message.op === 'typing') {
      // Relayed or dropped silently when too frequent; refused (with an answer) only when not a participant.
      if (await relayTyping(peer, contextOf(peer).user, message.conversationId) === 'forbidden')
        send(peer, { op: 'error', conversationId: message.conversationId, code: 'FORBIDDEN', message: `You may not type in conversation ${message.conversationId}` })
      return
    }
    if (message.op === 'unsubscribe') {
      unsubscribePeer(peer, message.channel)
      return send(peer, { op: 'unsubscribed', channel: message.channel, reason: 'requested' })
    }
    if (!(await canReadChannel(contextOf(peer).user, message.channel)))
      return send(peer, { op: 'error', channel: message.channel, code: 'FORBIDDEN', message: `You may not subscribe to ${message.channel}` })
    if (!subscribePeer(peer, message.channel))
      return send(peer, { op: 'error', channel: message.channel, code: 'FORBIDDEN', message: `At most ${MAX_CHANNELS_PER_SOCKET} channels per socket` })
    // Access can be taken away (an observer unlinked, a course deleted) between the check above
    // and the subscription: the drop sent then found nothing to drop. Checking again once
    // subscribed closes that gap, since any later removal's drop now finds this socket.
    if (revocable(message.channel) && !(await canReadChannel(contextOf(peer).user, message.channel))) {
      unsubscribePeer(peer, message.channel)
      return send(peer, { op: 'error', channel: message.channel, code: 'FORBIDDEN', message: `You may not subscribe to ${message.channel}` })
    }
    send(peer, { op: 'subscribed', channel: message.channel, lastEventAgoMs: lastEventAgoMs(message.channel) })
  },

  close(peer) {
    removePeer(peer)
    tabClosed(peer)
  },

  error(peer, error) {
    console.error('[realtime] socket error:', error.message)
    removePeer(peer)
    tabClosed(peer)
  },
})
