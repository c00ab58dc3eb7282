// Presence of the people the user shares a conversation with: loaded once, then kept live by
// socket events (and refetched after an outage like every query). Not rendered on the server (it
// is not `serverRendered`): a dot drawn there would be stale before the page arrived.
import { useQuery } from '@tanstack/vue-query'
import type { PresenceMap, PresenceStatus } from '#shared/schemas/presence'
import { useApi } from '../../api/api-client'
import { useRealtimeStatus } from '../../realtime/use-realtime'
import { presenceKeys } from './keys'

export function usePresenceQuery() {
  const api = useApi()
  return useQuery({
    queryKey: presenceKeys.all,
    queryFn: () => api<PresenceMap>('/api/presence'),
  })
}

/** What a dot shows: a status, or "unknown" while this tab cannot hear changes. */
export type PresenceShown = PresenceStatus | 'unknown'

/**
 * Presence as this tab may show it: undefined until loaded (draw nothing rather than guess), and
 * "unknown" while this tab's socket is down, since the map then stops hearing who came and went
 * (someone shown online may have left long ago).
 */
export function usePresenceLookup() {
  const presence = usePresenceQuery()
  const live = useRealtimeStatus()
  return computed(() => (userId: string | undefined): PresenceShown | undefined => {
    if (!userId || !presence.data.value) return undefined
    return live.value === 'open' ? (presence.data.value[userId] ?? 'offline') : 'unknown'
  })
}

/** One person's presence as this tab may show it (see usePresenceLookup). */
export function usePresenceOf(userId: () => string | undefined) {
  const lookup = usePresenceLookup()
  return computed(() => lookup.value(userId()))
}
