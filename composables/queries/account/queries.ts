// The account page's read: the user as the database has it now (name, email), rendered on the server.
import type { User } from '#auth-utils'
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
