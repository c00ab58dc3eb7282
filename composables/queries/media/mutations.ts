// The Vue Query layer's writes for one library file: rename, link and unlink, trash, restore and
// delete for good, with optimistic updates that roll back only what they wrote (../optimistic.ts)
// and always end with the server's word.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { MediaLinkInput } from '#shared/schemas/media'
import type { MediaDetail, MediaItem, MediaTrashItem, MediaUsage, RestoreResult } from '#shared/types/media'
import { errorMessage, useApi } from '../../api/api-client'
import { rollback, writeCache } from '../optimistic'
import type { Snapshot } from '../optimistic'
import { removeMediaItem, updateMediaItem } from './cache'
import { mediaKeys } from './keys'
import { mediaPath } from './queries'
import { idempotencyKeyFor } from '../idempotency'

/** After any change to a file: its history and every list (counts, order) come from the server again. */
function settle(client: ReturnType<typeof useQueryClient>, id: string) {
  void client.invalidateQueries({ queryKey: mediaKeys.history(id) })
  void client.invalidateQueries({ queryKey: mediaKeys.lists() })
}

export function useRenameMediaMutation(id: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (name: string) => api<MediaItem>(mediaPath(toValue(id)), { method: 'PATCH', body: { name } }),
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
    mutationFn: (input: MediaLinkInput, attempt) => api<MediaUsage>(`${mediaPath(toValue(id))}/links`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
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
    mutationFn: (input: MediaLinkInput, attempt) => api<{ removed: boolean }>(`${mediaPath(toValue(id))}/unlink`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
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
    mutationFn: ({ id, unlinkAll }: { id: string, unlinkAll: boolean }, attempt) => api<MediaTrashItem>(`${mediaPath(id)}/trash`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: { unlinkAll } }),
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
    mutationFn: ({ id, relink }: { id: string, relink: boolean }, attempt) => api<RestoreResult>(`${mediaPath(id)}/restore`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: { relink } }),
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
    mutationFn: (id: string, attempt) => api<unknown>(mediaPath(id), { method: 'DELETE', idempotencyKey: idempotencyKeyFor(attempt) }),
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

/** Throws away an interrupted upload (its bytes, its file); it leaves the list at once and comes back if the server says no. */
export function useDiscardUploadMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (mediaId: string, attempt) => api<{ mediaId: string }>(`${mediaPath(mediaId)}/upload`, { method: 'DELETE', idempotencyKey: idempotencyKeyFor(attempt) }),
    onMutate: async (mediaId) => {
      await client.cancelQueries({ queryKey: mediaKeys.unfinished() })
      const snapshot: Snapshot = { entries: [] }
      removeMediaItem(client, mediaId, snapshot)
      return { snapshot }
    },
    onError: (error, _id, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not discard the upload: ${errorMessage(error)}`)
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: mediaKeys.unfinished() })
      void client.invalidateQueries({ queryKey: mediaKeys.lists() })
    },
  })
}
