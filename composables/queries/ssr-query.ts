// useQuery that also runs during server rendering, so the HTML already holds the data and the
// dehydrated cache spares the client a second fetch. A failed prefetch is not fatal: the
// component renders its error state and the client retries.
import { useQuery } from '@tanstack/vue-query'
import type { QueryKey, UseQueryOptions } from '@tanstack/vue-query'

export function useSsrQuery<TData, TKey extends QueryKey>(options: UseQueryOptions<TData, Error, TData, TData, TKey>) {
  const query = useQuery(options)
  onServerPrefetch(async () => {
    await query.suspense().catch(() => {})
  })
  return query
}
