// The socket's wire protocol between the browser and /_ws.
import { z } from 'zod'
import type { RealtimeEvent } from './events'
import { TAB_VISIBILITIES } from '../schemas/presence'
import { Channel } from './channels'

export const ClientMessage = z.discriminatedUnion('op', [
  z.object({ op: z.literal('subscribe'), channel: Channel }),
  z.object({ op: z.literal('unsubscribe'), channel: Channel }),
  z.object({ op: z.literal('ping') }),
  // "I am typing in this conversation" (sent at most every ~2 s while the user types); the
  // server relays it to the other participant if the sender is a participant, else refuses.
  z.object({ op: z.literal('typing'), conversationId: z.string().min(1).max(64).regex(/^[\w-]+$/) }),
  // This tab became visible or hidden; sent after each connect and on every change (a tab
  // counts as visible until it says otherwise).
  z.object({ op: z.literal('visibility'), state: z.enum(TAB_VISIBILITIES) }),
])
export type ClientMessage = z.infer<typeof ClientMessage>

export type ServerMessage
  = | { op: 'ready', userId: string }
    // lastEventAgoMs: how long ago the channel last carried an event (null: not in five minutes),
    // so data the client fetched before subscribing can catch up on one it missed.
    | { op: 'subscribed', channel: string, lastEventAgoMs: number | null }
    | { op: 'unsubscribed', channel: string, reason: 'requested' | 'deleted' | 'access-lost' }
    // With `channel`, a refused subscription; with `conversationId`, a refused typing signal.
    | { op: 'error', channel?: string, conversationId?: string, code: 'FORBIDDEN' | 'BAD_MESSAGE', message: string }
    // No channel name: the event names its subject, and progress events must stay under 300 bytes.
    | { op: 'event', event: RealtimeEvent }
    | { op: 'pong' }

/** Close code when the session behind a socket ends (signed out): do not reconnect with it. */
export const CLOSE_SESSION_ENDED = 4401

/**
 * Close code when the instance is shutting down (WebSocket's "service restart"): reconnect, which
 * a proxy sends to another instance (any code but CLOSE_SESSION_ENDED makes the client reconnect).
 */
export const CLOSE_SERVICE_RESTART = 1012
