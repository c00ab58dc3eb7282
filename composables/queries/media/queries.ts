// The Vue Query layer's reads for the media library: the list (pages by cursor, keyed by filters),
// a file's detail with its usages, its history, the trash, my tags, and library uploads' bytes.
import { useQuery, useQueryClient } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { MediaAuditEntry, MediaDetail, MediaPage, MediaTagCount, MediaTrashItem, UnfinishedUpload } from '#shared/types/media'
import { useApi } from '../../api/api-client'
import type { UploadProgressData } from './cache'
import { useSsrInfiniteQuery, useSsrQuery } from '../ssr-query'
import { mediaKeys } from './keys'
import type { MediaFilters } from './keys'

/** One library file's address; its actions live under it. */
export const mediaPath = (id: string) => `/api/media/${encodeURIComponent(id)}`

export function useMediaListQuery(filters: MaybeRefOrGetter<MediaFilters>) {
  const api = useApi()
  return useSsrInfiniteQuery(() => {
    const current = toValue(filters)
    return {
      queryKey: mediaKeys.list(current),
      queryFn: ({ pageParam }: { pageParam: string | null }) => api<MediaPage>('/api/media', { query: { ...current, ...(pageParam ? { cursor: pageParam } : {}) } }),
      initialPageParam: null as string | null,
      getNextPageParam: (page: MediaPage) => page.nextCursor,
    }
  })
}

export function useMediaDetailQuery(id: MaybeRefOrGetter<string | null>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => mediaKeys.detail(toValue(id) ?? '')),
    queryFn: () => api<MediaDetail>(mediaPath(toValue(id)!)),
    enabled: computed(() => !!toValue(id)),
  })
}

export function useMediaHistoryQuery(id: MaybeRefOrGetter<string | null>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => mediaKeys.history(toValue(id) ?? '')),
    queryFn: () => api<MediaAuditEntry[]>(`${mediaPath(toValue(id)!)}/history`),
    enabled: computed(() => !!toValue(id)),
  })
}

export function useMediaTrashQuery() {
  const api = useApi()
  return useSsrQuery({ queryKey: mediaKeys.trash(), queryFn: () => api<MediaTrashItem[]>('/api/media/trash') })
}

export function useMediaTagsQuery() {
  const api = useApi()
  return useQuery({ queryKey: mediaKeys.tags(), queryFn: () => api<MediaTagCount[]>('/api/media/tags') })
}

/** Library uploads' byte counts: only progress events fill it; its "fetch" returns what the cache holds. */
export function useLibraryUploadProgressQuery() {
  const client = useQueryClient()
  return useQuery({
    queryKey: mediaKeys.uploadProgress(),
    queryFn: () => client.getQueryData<UploadProgressData>(mediaKeys.uploadProgress()) ?? {},
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/**
 * My unfinished uploads. While there are some, read again every 10 s: whether another tab is still
 * sending a lesson video is the server's word (its progress goes to the course, not here).
 */
export function useUnfinishedUploadsQuery() {
  const api = useApi()
  return useQuery({
    queryKey: mediaKeys.unfinished(),
    queryFn: () => api<UnfinishedUpload[]>('/api/media/uploads'),
    refetchInterval: query => (query.state.data?.length ? 10_000 : false),
  })
}
