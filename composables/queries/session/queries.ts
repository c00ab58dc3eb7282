// The devices signed in to this account, this one marked. Refetched on focus like every query, so
// a device signed out elsewhere disappears when the page is looked at again.
import type { SessionRow } from '#shared/types/session'
import { useApi } from '../../api/api-client'
import { useSsrQuery } from '../ssr-query'
import { sessionKeys } from './keys'

export function useSessionsQuery() {
  const api = useApi()
  return useSsrQuery({
    queryKey: sessionKeys.list(),
    queryFn: async () => (await api<{ sessions: SessionRow[] }>('/api/account/sessions')).sessions,
  })
}
