// The one way server code sends something live. Services call these after their write has
// committed; a failure to publish is logged, never turned into a failed action (the data is
// saved, and clients catch up when they refetch on reconnect).
import type { RealtimeEvent } from '#shared/realtime/events'
import { useBus } from './bus'
import type { BusMessage } from './bus'

async function publish(message: BusMessage): Promise<void> {
  try {
    await useBus().publish(message)
  }
  catch (error) {
    console.error(`[realtime] could not publish ${message.kind}:`, (error as Error).message)
  }
}

/**
 * Sends an event to a channel's subscribers; with `onlyUsers`, only to those users' sockets (a
 * conversation's private message reaches its participants, not the observers on the channel).
 */
export function broadcast(channel: string, event: RealtimeEvent, options: { onlyUsers?: string[] } = {}): Promise<void> {
  return publish({ kind: 'event', channel, event, ...(options.onlyUsers ? { onlyUsers: options.onlyUsers } : {}) })
}

/** Sends one event to each of these users' own channels (every tab they have open), in one publish. */
export function broadcastToUsers(userIds: string[], event: RealtimeEvent): Promise<void> {
  return userIds.length ? publish({ kind: 'users', userIds, event }) : Promise.resolve()
}

/** Closes every socket of a session, on every instance (sign-out). */
export function endSessionSockets(sessionId: string): Promise<void> {
  return publish({ kind: 'close-session', sessionId })
}

/** Unsubscribes everyone from a channel whose subject is gone, on every instance. */
export function dropChannel(channel: string, reason: 'deleted' | 'access-lost' = 'deleted'): Promise<void> {
  return publish({ kind: 'drop-channel', channel, reason })
}

/** Unsubscribes these users' sockets from a channel they may no longer read, on every instance. */
export function dropUsersFromChannel(channel: string, userIds: string[]): Promise<void> {
  return userIds.length ? publish({ kind: 'drop-users', channel, userIds, reason: 'access-lost' }) : Promise.resolve()
}
