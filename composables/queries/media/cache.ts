// How a changed library file lands in the caches: every loaded list page and its detail.
import type { InfiniteData, QueryClient } from '@tanstack/vue-query'
import type { MediaDetail, MediaItem, MediaPage, UnfinishedUpload } from '#shared/types/media'
import { courseFileKeys } from '../course-files/keys'
import { mediaKeys } from './keys'
import type { Snapshot } from '../optimistic'
import { writeCache } from '../optimistic'

export type MediaListData = InfiniteData<MediaPage, string | null>

/** Applies a change to one file wherever it is shown (lists and detail), recording a snapshot when given. */
export function updateMediaItem(client: QueryClient, id: string, change: (item: MediaItem) => MediaItem, snapshot?: Snapshot): void {
  for (const [key, data] of client.getQueriesData<MediaListData>({ queryKey: mediaKeys.lists() })) {
    if (!data?.pages.some(page => page.items.some(item => item.id === id))) continue
    const update = (old: MediaListData | undefined) => old && { ...old, pages: old.pages.map(page => ({ ...page, items: page.items.map(item => (item.id === id ? change(item) : item)) })) }
    if (snapshot) writeCache(client, snapshot, key, update)
    else client.setQueryData(key, update)
  }
  const detail = (old: MediaDetail | undefined) => old && { ...old, ...change(old) }
  if (snapshot) writeCache(client, snapshot, mediaKeys.detail(id), detail)
  else client.setQueryData(mediaKeys.detail(id), detail)
}

/** Takes a file out of every loaded list (moved to the trash, deleted). */
export function removeMediaItem(client: QueryClient, id: string, snapshot?: Snapshot): void {
  unfinishedUploadEnded(client, id, snapshot)
  for (const [key, data] of client.getQueriesData<MediaListData>({ queryKey: mediaKeys.lists() })) {
    if (!data?.pages.some(page => page.items.some(item => item.id === id))) continue
    const update = (old: MediaListData | undefined) => old && { ...old, pages: old.pages.map(page => ({ ...page, total: Math.max(0, page.total - 1), items: page.items.filter(item => item.id !== id) })) }
    if (snapshot) writeCache(client, snapshot, key, update)
    else client.setQueryData(key, update)
  }
}

/** `at`: when this tab last heard of it (its clock): an upload whose events stopped is nobody's any more. */
export type UploadProgressData = Record<string, { bytes: number, total: number, at: number }>

/** A library upload's byte count (server's over the socket, this tab's own while it is down); counts only grow. */
export function libraryUploadProgressed(client: QueryClient, { mediaId, data }: { mediaId: string, data: { bytes: number, total: number } }): void {
  client.setQueryData<UploadProgressData>(mediaKeys.uploadProgress(), (all = {}) => (data.bytes > (all[mediaId]?.bytes ?? -1) ? { ...all, [mediaId]: { bytes: data.bytes, total: data.total, at: Date.now() } } : all))
}

/** A file left, or its upload finished: it is no longer an unfinished upload. */
export function unfinishedUploadEnded(client: QueryClient, mediaId: string, snapshot?: Snapshot): void {
  const update = (old: UnfinishedUpload[] | undefined) => old?.filter(upload => upload.mediaId !== mediaId)
  const listed = client.getQueryData<UnfinishedUpload[]>(mediaKeys.unfinished())
  // A refetch on its way (a new upload invalidates the list) may have been answered while this one
  // was still running: landing after this, it would bring the finished upload back for good.
  // Cancelling keeps the list as it is; its 10-second reread follows.
  if (listed && client.isFetching({ queryKey: mediaKeys.unfinished() })) void client.cancelQueries({ queryKey: mediaKeys.unfinished() })
  if (!listed?.some(upload => upload.mediaId === mediaId)) return
  if (snapshot) writeCache(client, snapshot, mediaKeys.unfinished(), update)
  else client.setQueryData(mediaKeys.unfinished(), update)
}

/** A file changed on the server (any tab, any action): lists and the open panel follow; a new one makes the lists refetch. */
export function mediaChanged(client: QueryClient, item: MediaItem): void {
  const known = client.getQueriesData<MediaListData>({ queryKey: mediaKeys.lists() }).some(([, data]) => data?.pages.some(page => page.items.some(i => i.id === item.id)))
  updateMediaItem(client, item.id, old => ({ ...old, ...item }))
  if (item.status !== 'UPLOADING') unfinishedUploadEnded(client, item.id)
  if (!known) void client.invalidateQueries({ queryKey: mediaKeys.lists() })
  // Its places and history may have changed with it.
  void client.invalidateQueries({ queryKey: mediaKeys.detail(item.id) })
  void client.invalidateQueries({ queryKey: mediaKeys.history(item.id) })
  // Courses' Files tabs list it by place: a link made or removed elsewhere shows there too.
  void client.invalidateQueries({ queryKey: courseFileKeys.all })
}
