// "Is this a 404?" for pages: a query that answered 404 (missing, or someone else's: the server
// answers both the same) shows the page's friendly "not found" state, and the server-rendered
// response carries HTTP 404 too, so crawlers, link checkers and monitoring see what the user sees.
import type { Ref } from 'vue'
import { ApiRequestError } from '../api/api-client'
import type { ServerRenderedQuery } from './ssr-query'

export const isNotFoundError = (error: unknown): boolean => error instanceof ApiRequestError && error.status === 404

/** One of the page's reads; only those the server render waits for can be awaited there. */
export type PageQuery = ServerRenderedQuery<{
  error: Ref<unknown>
  suspense: () => Promise<unknown>
}>

/** True once any of the page's queries answered 404; during server rendering, also sets the status. */
export function usePageNotFound(...queries: PageQuery[]) {
  const notFound = computed(() => queries.some(query => isNotFoundError(query.error.value)))
  const event = useRequestEvent()
  onServerPrefetch(async () => {
    await Promise.all(queries.map(query => query.suspense().catch(() => {})))
    if (notFound.value && event) setResponseStatus(event, 404)
  })
  return notFound
}
