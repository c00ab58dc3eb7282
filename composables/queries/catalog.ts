// The Vue Query layer for the public catalog and course page. Both render on the server: the
// HTML holds the courses and the dehydrated cache spares the client a second fetch.
import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import { catalogLinkQuery } from '#shared/schemas/catalog'
import type { CatalogQuery } from '#shared/schemas/catalog'
import type { CatalogPage, CourseOverview } from '#shared/types/portal'
import { errorMessage, useApi } from '../api/api-client'
import { catalogKeys, learnKeys } from './portal-keys'
import { useSsrQuery } from './ssr-query'

export function useCatalogQuery(query: MaybeRefOrGetter<CatalogQuery>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => catalogKeys.page(toValue(query))),
    queryFn: () => api<CatalogPage>('/api/catalog', { query: catalogLinkQuery(toValue(query)) }),
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

export function useEnrolMutation(slug: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api<{ enrolledAt: string }>(`/api/catalog/${encodeURIComponent(toValue(slug))}/enrol`, { method: 'POST' }),
    onSuccess: ({ enrolledAt }) => {
      // Every lesson becomes playable: the page's own data is refetched, not guessed.
      client.setQueryData<CourseOverview>(catalogKeys.overview(toValue(slug)), overview => overview && overview.viewer
        ? { ...overview, viewer: { ...overview.viewer, enrolledAt, canEnrol: false } }
        : overview)
      void client.invalidateQueries({ queryKey: catalogKeys.overview(toValue(slug)) })
      void client.invalidateQueries({ queryKey: learnKeys.all })
    },
    onError: error => toast.error(`Could not enrol: ${errorMessage(error)}`),
  })
}
