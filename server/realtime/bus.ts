// The pub/sub behind broadcast(): in-process by default; Redis pub/sub when REDIS_URL is set, so
// every instance receives every message and delivers it to its own sockets. With Redis the
// publishing instance hears its own message back too, so delivery happens in one place.
import { randomUUID } from 'node:crypto'
import Redis from 'ioredis'
import type { RealtimeEvent } from '#shared/realtime/events'
import { userChannel } from '#shared/realtime/channels'
import { lecternConfig } from '../utils/config'
import { noteRemoteModelWrites, shareModelWrites } from '../utils/db-writes'
import { forgetSessionOwnership } from '../uploads/ownership-cache'
import { closeSessionLocally, deliverLocally, dropChannelLocally, dropUsersLocally } from './peers'
import { noteChannelEvent } from './channel-activity'

export type BusMessage
  = | { kind: 'event', channel: string, event: RealtimeEvent, onlyUsers?: string[] }
    // One event for many people (presence goes to everyone who shares a conversation with that
    // user): one publish instead of one per person, delivered on each person's user channel.
    | { kind: 'users', userIds: string[], event: RealtimeEvent }
    | { kind: 'close-session', sessionId: string }
    | { kind: 'drop-channel', channel: string, reason: 'deleted' | 'access-lost' }
    // Some users lost access to a channel (an observer unlinked): only their sockets leave it.
    | { kind: 'drop-users', channel: string, userIds: string[], reason: 'access-lost' }
    // Rows an instance wrote: the others drop what their caches copied (server/utils/db-writes.ts).
    | { kind: 'models-written', models: string[], from: string }

export interface Bus {
  kind: 'in-process' | 'redis'
  publish: (message: BusMessage) => Promise<void>
  close: () => Promise<void>
}

/** The Redis pub/sub channel; presence publishes to it from inside a Redis script (presence-redis.ts). */
export const redisChannel = (): string => `${lecternConfig().redisNamespace}:realtime`

/** This process, so it can skip its own write notices when Redis hands them back. */
const INSTANCE_ID = randomUUID()

function apply(message: BusMessage): void {
  if (message.kind === 'models-written') {
    if (message.from !== INSTANCE_ID) noteRemoteModelWrites(message.models)
  }
  else if (message.kind === 'event') {
    noteChannelEvent(message.channel)
    deliverLocally(message.channel, JSON.stringify({ op: 'event', event: message.event }), message.onlyUsers)
  }
  else if (message.kind === 'users') {
    const text = JSON.stringify({ op: 'event', event: message.event })
    for (const userId of message.userIds) {
      noteChannelEvent(userChannel(userId))
      deliverLocally(userChannel(userId), text)
    }
  }
  else if (message.kind === 'close-session') {
    closeSessionLocally(message.sessionId)
    forgetSessionOwnership(message.sessionId)
  }
  else if (message.kind === 'drop-users') dropUsersLocally(message.channel, message.userIds, message.reason)
  else dropChannelLocally(message.channel, message.reason)
}

function inProcessBus(): Bus {
  return {
    kind: 'in-process',
    publish: async message => apply(message),
    close: async () => {},
  }
}

function redisBus(url: string): Bus {
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const subscriber = new Redis(url)
  const logError = (role: string) => (error: Error) => console.error(`[realtime] redis ${role}: ${error.message}`)
  publisher.on('error', logError('publisher'))
  subscriber.on('error', logError('subscriber'))
  subscriber.subscribe(redisChannel()).catch(logError('subscribe'))
  subscriber.on('message', (_channel: string, text: string) => {
    try {
      apply(JSON.parse(text) as BusMessage)
    }
    catch (error) {
      console.error('[realtime] dropped a malformed bus message:', (error as Error).message)
    }
  })
  shareModelWrites((models) => {
    publisher.publish(redisChannel(), JSON.stringify({ kind: 'models-written', models, from: INSTANCE_ID } satisfies BusMessage)).catch(logError('publisher'))
  })
  return {
    kind: 'redis',
    publish: async (message) => {
      await publisher.publish(redisChannel(), JSON.stringify(message))
    },
    close: async () => {
      shareModelWrites(undefined)
      subscriber.disconnect()
      publisher.disconnect()
    },
  }
}

let bus: Bus | undefined

export function useBus(): Bus {
  const { redisUrl } = lecternConfig()
  bus ??= redisUrl ? redisBus(redisUrl) : inProcessBus()
  return bus
}

export async function closeBus(): Promise<void> {
  await bus?.close()
  bus = undefined
}
