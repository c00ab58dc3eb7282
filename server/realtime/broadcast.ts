// The one way server code sends something live; a failure to publish is logged, never turned
// into a failed action (the data is saved, and clients catch up when they refetch on reconnect).
//
// The one way to announce a write: the service that wrote calls its domain's announce helper
// (server/services/<domain>/announce-….ts), after its commit and before it returns, and only those
// helpers call broadcast() (eslint.config.mjs holds the services to it). A write another domain
// must react to calls that domain's service or announce helper directly (enrolling announces the
// student's row and writes the conversation's activity message: learning/announce-learning.ts);
// there is no event bus in between. Infrastructure that is live by nature (upload progress,
// typing, presence, the internal bridge) calls broadcast() itself.
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

/** Closes every socket of a session and drops its kept upload verdicts, on every instance (the session ended). */
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
