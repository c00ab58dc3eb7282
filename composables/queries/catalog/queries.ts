// The Vue Query layer's reads for the public catalog and course page. Both render on the server:
// the HTML holds the courses and the dehydrated cache spares the client a second fetch.
import { keepPreviousData } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import { catalogLinkQuery } from '#shared/schemas/catalog'
import type { CatalogQuery } from '#shared/schemas/catalog'
import type { CatalogPage, CourseOverview } from '#shared/types/catalog'
import { useApi } from '../../api/api-client'
import { useSsrQuery } from '../ssr-query'
import { catalogKeys } from './keys'

export function useCatalogQuery(query: MaybeRefOrGetter<CatalogQuery>) {
  const api = useApi()
  // While rendering on the server, the page's own request loads what the route would answer,
  // without an inner request through the whole server (server/plugins/render-catalog.ts).
  const loadOnServer = import.meta.server ? useRequestEvent()?.context.loadCatalogPage : undefined
  return useSsrQuery({
    queryKey: computed(() => catalogKeys.page(toValue(query))),
    queryFn: () => loadOnServer
      ? loadOnServer(toValue(query))
      : api<CatalogPage>('/api/catalog', { query: catalogLinkQuery(toValue(query)) }),
    // The previous page stays on screen (dimmed) while the next one loads.
    placeholderData: keepPreviousData,
    // Pages are replaced whole, never edited in place: no deep proxies over twelve courses for
    // every card's reads to go through (a measurable share of the catalog's server render).
    shallow: true,
  })
}

export function useCourseOverviewQuery(slug: MaybeRefOrGetter<string>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => catalogKeys.overview(toValue(slug))),
    queryFn: () => api<CourseOverview>(`/api/catalog/${encodeURIComponent(toValue(slug))}`),
  })
}
