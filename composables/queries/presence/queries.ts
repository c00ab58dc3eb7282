// Presence of the people the user shares a conversation with: loaded once, then kept live by
// socket events (and refetched after an outage like every query). Client-only: a server-rendered
// dot would be stale before the page arrived.
import { useQuery } from '@tanstack/vue-query'
import type { PresenceMap, PresenceStatus } from '#shared/schemas/presence'
import { useApi } from '../../api/api-client'
import { presenceKeys } from './keys'

export function usePresenceQuery() {
  const api = useApi()
  return useQuery({
    queryKey: presenceKeys.all,
    queryFn: () => api<PresenceMap>('/api/presence'),
    enabled: import.meta.client,
  })
}

/** One person's status, or undefined until presence has loaded (draw nothing rather than guess). */
export function usePresenceOf(userId: () => string | undefined) {
  const presence = usePresenceQuery()
  return computed<PresenceStatus | undefined>(() => {
    const id = userId()
    return id && presence.data.value ? (presence.data.value[id] ?? 'offline') : undefined
  })
}
