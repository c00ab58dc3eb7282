// The realtime socket. Authenticated in `upgrade` with the session cookie (a missing or forged
// cookie gets a 401 instead of a hanging handshake); then the client subscribes to channels,
// each checked by canReadChannel and refused with an error message, not silence.
import type { Peer } from 'crossws'
import type { User } from '#auth-utils'
import { ClientMessage } from '#shared/realtime/protocol'
import { canReadChannel } from '../realtime/access'
import { MAX_CHANNELS_PER_SOCKET, addPeer, removePeer, send, subscribePeer, unsubscribePeer } from '../realtime/peers'

interface SocketContext {
  user: User
  sessionId: string
}

const contextOf = (peer: Peer) => peer.context as unknown as SocketContext

export default defineWebSocketHandler({
  async upgrade(request) {
    const found = await userFromHeaders(request.headers)
    if (!found) throw new Response('Sign in to receive live updates', { status: 401 })
    const { sessionId, ...user } = found
    Object.assign(request.context, { user, sessionId } satisfies SocketContext)
  },

  open(peer) {
    const { user, sessionId } = contextOf(peer)
    addPeer(peer, { userId: user.id, sessionId })
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
      send(peer, { op: 'error', code: 'BAD_MESSAGE', message: 'Send JSON: {"op":"subscribe"|"unsubscribe","channel":"kind:id"} or {"op":"ping"}' })
      return
    }
    const message = parsed.data
    if (message.op === 'ping') return send(peer, { op: 'pong' })
    if (message.op === 'unsubscribe') {
      unsubscribePeer(peer, message.channel)
      return send(peer, { op: 'unsubscribed', channel: message.channel, reason: 'requested' })
    }
    if (!(await canReadChannel(contextOf(peer).user, message.channel)))
      return send(peer, { op: 'error', channel: message.channel, code: 'FORBIDDEN', message: `You may not subscribe to ${message.channel}` })
    if (!subscribePeer(peer, message.channel))
      return send(peer, { op: 'error', channel: message.channel, code: 'FORBIDDEN', message: `At most ${MAX_CHANNELS_PER_SOCKET} channels per socket` })
    send(peer, { op: 'subscribed', channel: message.channel })
  },

  close(peer) {
    removePeer(peer)
  },

  error(peer, error) {
    console.error('[realtime] socket error:', error.message)
    removePeer(peer)
  },
})
