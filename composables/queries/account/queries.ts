// The account page's reads: the user as the database has it now (name, email), and whether
// two-step verification is on; both rendered on the server.
import type { User } from '#auth-utils'
import type { TwoStepStatus } from '#shared/types/two-step'
import { useApi } from '../../api/api-client'
import { useSsrQuery } from '../ssr-query'
import { accountKeys } from './keys'

export function useAccountQuery() {
  const api = useApi()
  return useSsrQuery({
    queryKey: accountKeys.detail(),
    queryFn: async () => (await api<{ user: User }>('/api/account')).user,
  })
}

export function useTwoStepQuery() {
  const api = useApi()
  return useSsrQuery({
    queryKey: accountKeys.twoStep(),
    queryFn: () => api<TwoStepStatus>('/api/account/two-step'),
  })
}
