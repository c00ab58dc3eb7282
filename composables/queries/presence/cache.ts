// How a presence change lands in the cache. Only into a map already loaded: a map made from one
// event would look complete and show everyone else offline until it went stale.
import type { QueryClient } from '@tanstack/vue-query'
import type { PresenceMap, PresenceStatus } from '#shared/schemas/presence'
import { presenceKeys } from './keys'

export function presenceChanged(client: QueryClient, { userId, status }: { userId: string, status: PresenceStatus }): void {
  client.setQueryData<PresenceMap>(presenceKeys.all, map => (map && map[userId] !== status ? { ...map, [userId]: status } : map))
}
