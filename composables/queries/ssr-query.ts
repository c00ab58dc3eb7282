// Which reads run during server rendering: only those the render waits for, made by `useSsrQuery`
// or `useSsrInfiniteQuery`. Each marks its options (`serverRendered`, so the server's QueryClient
// leaves it enabled, see plugins/vue-query.ts) and is awaited before the component renders, so
// the HTML already holds the data and the dehydrated cache spares the client a second fetch. The
// two always go together: awaiting an unmarked query on the server would never end. A failed
// prefetch is not fatal: the component renders its error state and the client retries.
//
// Every other query stays idle on the server, whatever its own `enabled` says. Started there and
// not waited for, its answer could land in the payload after the HTML was rendered without it, and
// the page would hydrate with a mismatch (the first, slower render after a start did).
import { useInfiniteQuery, useQuery } from '@tanstack/vue-query'
import type { InfiniteData, QueryKey, QueryMeta, UndefinedInitialDataInfiniteOptions, UseQueryOptions } from '@tanstack/vue-query'
import type { Ref } from 'vue'

const marker = 'serverRendered'

/** The `meta` of a query the server render waits for. */
const serverRendered = { [marker]: true } as const satisfies QueryMeta

/** Whether the server's QueryClient may run this query (its options' `meta`). */
export const isServerRendered = (meta: QueryMeta | undefined) => meta?.[marker] === true

declare const awaited: unique symbol
/**
 * A query the server render waits for: only these may be awaited on the server (a page's "not
 * found" check, for one). Awaiting any other there would never end: it stays disabled.
 */
export type ServerRenderedQuery<Query> = Query & { readonly [awaited]: true }

/** Waits for the query (marked `serverRendered`) before the component renders on the server. */
function prefetchOnServer<Query extends { suspense: () => Promise<unknown> }>(query: Query) {
  onServerPrefetch(async () => {
    await query.suspense().catch(() => {})
  })
  return query as ServerRenderedQuery<Query>
}

/** useQuery that also runs, and is waited for, during server rendering (its `meta` is the mark). */
export function useSsrQuery<TData, TKey extends QueryKey>(options: Exclude<UseQueryOptions<TData, Error, TData, TData, TKey>, Ref<unknown>>) {
  return prefetchOnServer(useQuery({ ...options, meta: serverRendered }))
}

/** useInfiniteQuery (its options as a getter) that also runs, and is waited for, during server rendering. */
export function useSsrInfiniteQuery<TQueryFnData, TKey extends QueryKey, TPageParam>(options: () => UndefinedInitialDataInfiniteOptions<TQueryFnData, Error, InfiniteData<TQueryFnData>, TKey, TPageParam>) {
  return prefetchOnServer(useInfiniteQuery(() => ({ ...options(), meta: serverRendered })))
}
