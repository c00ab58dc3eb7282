// The Vue Query layer for the media library: the list (pages by cursor, keyed by filters), a
// file's detail with its usages, its history, the trash; and mutations with optimistic updates
// that roll back only what they wrote (optimistic.ts) and always end with the server's word.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { MediaLinkInput } from '#shared/schemas/media'
import type { MediaAuditEntry, MediaDetail, MediaItem, MediaPage, MediaTagCount, MediaTrashItem, MediaUsage, RestoreResult } from '#shared/types/media'
import { errorMessage, useApi } from '../api/api-client'
import { removeMediaItem, updateMediaItem } from './media-cache'
import type { UploadProgressData } from './media-cache'
import { mediaKeys } from './media-keys'
import type { MediaFilters } from './media-keys'
import { rollback, writeCache } from './optimistic'
import type { Snapshot } from './optimistic'

const path = (id: string) => `/api/media/${encodeURIComponent(id)}`

export function useMediaListQuery(filters: MaybeRefOrGetter<MediaFilters>) {
  const api = useApi()
  const query = useInfiniteQuery(() => {
    const current = toValue(filters)
    return {
      queryKey: mediaKeys.list(current),
      queryFn: ({ pageParam }: { pageParam: string | null }) => api<MediaPage>('/api/media', { query: { ...current, ...(pageParam ? { cursor: pageParam } : {}) } }),
      initialPageParam: null as string | null,
      getNextPageParam: (page: MediaPage) => page.nextCursor,
    }
  })
  onServerPrefetch(async () => {
    await query.suspense().catch(() => {})
  })
  return query
}

export function useMediaDetailQuery(id: MaybeRefOrGetter<string | null>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => mediaKeys.detail(toValue(id) ?? '')),
    queryFn: () => api<MediaDetail>(path(toValue(id)!)),
    enabled: computed(() => !!toValue(id)),
  })
}

export function useMediaHistoryQuery(id: MaybeRefOrGetter<string | null>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => mediaKeys.history(toValue(id) ?? '')),
    queryFn: () => api<MediaAuditEntry[]>(`${path(toValue(id)!)}/history`),
    enabled: computed(() => !!toValue(id)),
  })
}

export function useMediaTrashQuery() {
  const api = useApi()
  const query = useQuery({ queryKey: mediaKeys.trash(), queryFn: () => api<MediaTrashItem[]>('/api/media/trash') })
  onServerPrefetch(async () => {
    await query.suspense().catch(() => {})
  })
  return query
}

export function useMediaTagsQuery() {
  const api = useApi()
  return useQuery({ queryKey: mediaKeys.tags(), queryFn: () => api<MediaTagCount[]>('/api/media/tags') })
}

/** After any change to a file: its history and every list (counts, order) come from the server again. */
function settle(client: ReturnType<typeof useQueryClient>, id: string) {
  void client.invalidateQueries({ queryKey: mediaKeys.history(id) })
  void client.invalidateQueries({ queryKey: mediaKeys.lists() })
}

export function useRenameMediaMutation(id: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (name: string) => api<MediaItem>(path(toValue(id)), { method: 'PATCH', body: { name } }),
    onMutate: async (name) => {
      await client.cancelQueries({ queryKey: mediaKeys.all })
      const snapshot: Snapshot = { entries: [] }
      updateMediaItem(client, toValue(id), item => ({ ...item, name }), snapshot)
      return { snapshot }
    },
    onSuccess: item => updateMediaItem(client, item.id, old => ({ ...old, ...item })),
    onError: (_error, _name, context) => rollback(client, context?.snapshot),
    onSettled: () => settle(client, toValue(id)),
  })
}

const sameUsage = (usage: MediaUsage, input: MediaLinkInput) => usage.targetType === input.targetType && usage.targetId === input.targetId && usage.role === input.role

export function useLinkMediaMutation(id: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MediaLinkInput) => api<MediaUsage>(`${path(toValue(id))}/links`, { method: 'POST', body: input }),
    onSuccess: (usage) => {
      // The new place joins the panel at once; the counts come with the lists' refetch.
      client.setQueryData<MediaDetail>(mediaKeys.detail(toValue(id)), detail => detail && (detail.usages.some(u => sameUsage(u, usage))
        ? detail
        : { ...detail, usages: [...detail.usages, usage], usageCount: detail.usageCount + (usage.inTrash ? 0 : 1) }))
    },
    onError: error => toast.error(`Could not link the file: ${errorMessage(error)}`),
    onSettled: () => settle(client, toValue(id)),
  })
}

export function useUnlinkMediaMutation(id: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MediaLinkInput) => api<{ removed: boolean }>(`${path(toValue(id))}/unlink`, { method: 'POST', body: input }),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: mediaKeys.detail(toValue(id)) })
      const snapshot: Snapshot = { entries: [] }
      writeCache<MediaDetail>(client, snapshot, mediaKeys.detail(toValue(id)), (detail) => {
        const gone = detail?.usages.find(u => sameUsage(u, input))
        return detail && gone && { ...detail, usages: detail.usages.filter(u => u !== gone), usageCount: detail.usageCount - (gone.inTrash ? 0 : 1), trashedUsageCount: detail.trashedUsageCount - (gone.inTrash ? 1 : 0) }
      })
      return { snapshot }
    },
    onError: (error, _input, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not unlink the file: ${errorMessage(error)}`)
    },
    onSettled: () => settle(client, toValue(id)),
  })
}

/** Moves a file to the trash (with `unlinkAll`, after unlinking it everywhere). A used file without it answers 409 with its usages. */
export function useTrashMediaMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, unlinkAll }: { id: string, unlinkAll: boolean }) => api<MediaTrashItem>(`${path(id)}/trash`, { method: 'POST', body: { unlinkAll } }),
    onMutate: async ({ id }) => {
      await client.cancelQueries({ queryKey: mediaKeys.lists() })
      const snapshot: Snapshot = { entries: [] }
      removeMediaItem(client, id, snapshot)
      return { snapshot }
    },
    onSuccess: (item) => {
      client.setQueryData<MediaTrashItem[]>(mediaKeys.trash(), list => list && [item, ...list.filter(i => i.id !== item.id)])
      toast.success(`“${item.name}” moved to the trash`)
    },
    onError: (_error, _input, context) => rollback(client, context?.snapshot),
    onSettled: (_data, _error, { id }) => {
      void client.invalidateQueries({ queryKey: mediaKeys.trash() })
      void client.invalidateQueries({ queryKey: mediaKeys.detail(id) })
      settle(client, id)
    },
  })
}

export function useRestoreMediaMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, relink }: { id: string, relink: boolean }) => api<RestoreResult>(`${path(id)}/restore`, { method: 'POST', body: { relink } }),
    onMutate: async ({ id }) => {
      await client.cancelQueries({ queryKey: mediaKeys.trash() })
      const snapshot: Snapshot = { entries: [] }
      writeCache<MediaTrashItem[]>(client, snapshot, mediaKeys.trash(), list => list?.filter(item => item.id !== id))
      return { snapshot }
    },
    onError: (error, _input, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not restore the file: ${errorMessage(error)}`)
    },
    onSettled: (_data, _error, { id }) => {
      void client.invalidateQueries({ queryKey: mediaKeys.trash() })
      void client.invalidateQueries({ queryKey: mediaKeys.detail(id) })
      settle(client, id)
    },
  })
}

export function useDeleteMediaForeverMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api<unknown>(path(id), { method: 'DELETE' }),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: mediaKeys.trash() })
      const snapshot: Snapshot = { entries: [] }
      writeCache<MediaTrashItem[]>(client, snapshot, mediaKeys.trash(), list => list?.filter(item => item.id !== id))
      return { snapshot }
    },
    onError: (error, _id, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not delete the file: ${errorMessage(error)}`)
    },
    onSettled: (_data, _error, id) => {
      void client.invalidateQueries({ queryKey: mediaKeys.trash() })
      void client.invalidateQueries({ queryKey: mediaKeys.history(id) })
    },
  })
}

/** Library uploads' byte counts: only progress events fill it; its "fetch" returns what the cache holds. */
export function useLibraryUploadProgressQuery() {
  const client = useQueryClient()
  return useQuery({
    queryKey: mediaKeys.uploadProgress(),
    queryFn: () => client.getQueryData<UploadProgressData>(mediaKeys.uploadProgress()) ?? {},
    staleTime: Number.POSITIVE_INFINITY,
    enabled: import.meta.client,
  })
}
