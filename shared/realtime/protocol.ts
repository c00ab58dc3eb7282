// The socket's wire protocol between the browser and /_ws.
import { z } from 'zod'
import type { RealtimeEvent } from './events'
import { Channel } from './channels'

export const ClientMessage = z.discriminatedUnion('op', [
  z.object({ op: z.literal('subscribe'), channel: Channel }),
  z.object({ op: z.literal('unsubscribe'), channel: Channel }),
  z.object({ op: z.literal('ping') }),
])
export type ClientMessage = z.infer<typeof ClientMessage>

export type ServerMessage
  = | { op: 'ready', userId: string }
    | { op: 'subscribed', channel: string }
    | { op: 'unsubscribed', channel: string, reason: 'requested' | 'deleted' | 'access-lost' }
    | { op: 'error', channel?: string, code: 'FORBIDDEN' | 'BAD_MESSAGE', message: string }
    // No channel name: the event names its subject, and progress events must stay under 300 bytes.
    | { op: 'event', event: RealtimeEvent }
    | { op: 'pong' }

/** Close code when the session behind a socket ends (signed out): do not reconnect with it. */
export const CLOSE_SESSION_ENDED = 4401
