// The shared view of presence: what every instance sees of a user, added up. Each instance
// records its own view of a user (presence.ts works it out from that instance's tabs); the store
// works out the user's overall status and, when it changed, announces it to the user's
// counterparts. In-process here (one instance: its view is the whole truth); Redis when
// REDIS_URL is set (presence-redis.ts), so a user with tabs on two instances is one person.
import type { PresenceMap, PresenceStatus } from '#shared/schemas/presence'
import { broadcastToUsers } from './broadcast'

export interface PresenceStoreOptions {
  /** Who hears of this user's presence changes (computed on the server, never sent by clients). */
  audienceOf: (userId: string) => Promise<string[]>
  /**
   * This instance's entries were dropped by another instance that took it for dead (it stalled
   * past the heartbeat limit): record every local user again.
   */
  onRevived: () => void
  heartbeatMs: number
}

export interface PresenceStore {
  kind: 'in-process' | 'redis'
  /** This instance's view of a user ('offline': no tab here). Announces the overall status when it changed. */
  record: (userId: string, local: PresenceStatus) => Promise<void>
  /** Overall status of each user, as every live instance sees them. */
  statuses: (userIds: string[]) => Promise<PresenceMap>
  /** This instance is leaving: its entries go (callers record its users offline first). */
  close: () => Promise<void>
}

export const presenceChanged = (userId: string, status: PresenceStatus) => ({ type: 'presence-changed' as const, userId, status })

export function inProcessPresenceStore({ audienceOf }: PresenceStoreOptions): PresenceStore {
  const known = new Map<string, PresenceStatus>()
  return {
    kind: 'in-process',
    record: async (userId, local) => {
      if ((known.get(userId) ?? 'offline') === local) return
      if (local === 'offline') known.delete(userId)
      else known.set(userId, local)
      await broadcastToUsers(await audienceOf(userId), presenceChanged(userId, local))
    },
    statuses: async userIds => Object.fromEntries(userIds.map(id => [id, known.get(id) ?? 'offline'])),
    close: async () => known.clear(),
  }
}
