// How a bulk action lands in the caches before the server answers, and how each file's own
// result is reconciled after: every selected file changes at once (trash takes it out of the
// lists, tags appear on it…); when the server says a file failed, exactly that file goes back to
// what and where it was (same page, same position), and the others keep their change. A file
// that succeeded takes the server's version.
import type { QueryClient, QueryKey } from '@tanstack/vue-query'
import type { MediaBulkInput } from '#shared/schemas/media-bulk'
import type { MediaItem, MediaTrashItem } from '#shared/types/media'
import type { MediaListData } from './cache'
import { mediaKeys } from './keys'

interface Place<T> { item: T, page: number, index: number }

export interface BulkSnapshot {
  /** Per loaded list: each selected file as it was, and where (with each page's order then). */
  lists: { key: QueryKey, places: Map<string, Place<MediaItem>>, order: string[][] }[]
  trash: Map<string, Place<MediaTrashItem>>
  trashOrder: string[]
  /** Whether the action took the files out of the lists (or the trash) rather than changing them. */
  removes: 'lists' | 'trash' | null
}

const sortedTags = (tags: Iterable<string>) => [...new Set(tags)].sort((a, b) => a.localeCompare(b))

/** What the action does to one file, as far as the client can tell before the server answers. */
export function optimisticItem(item: MediaItem, input: MediaBulkInput): MediaItem {
  switch (input.action) {
    case 'addTags':
      return { ...item, tags: sortedTags([...item.tags, ...input.tags]) }
    case 'removeTags':
      return { ...item, tags: item.tags.filter(tag => !input.tags.includes(tag)) }
    case 'edit': {
      const { altText, addTags = [], removeTags = [] } = input.changes
      return {
        ...item,
        ...(altText !== undefined && item.kind === 'image' ? { altText } : {}),
        tags: sortedTags([...item.tags, ...addTags]).filter(tag => !removeTags.includes(tag)),
      }
    }
    case 'unlinkAll':
      return { ...item, usageCount: 0, trashedUsageCount: 0 }
    case 'link':
      // A new place unless it is there already; the exact count comes with the server's answer.
      return { ...item, usageCount: item.usageCount + 1 }
    default:
      return item
  }
}

const removal = (input: MediaBulkInput): BulkSnapshot['removes'] =>
  input.action === 'trash' || input.action === 'unlinkAndTrash' ? 'lists' : input.action === 'restore' || input.action === 'deleteForever' ? 'trash' : null

/** Applies the action to every loaded list (or the trash) and keeps what it replaced. */
export function applyBulkOptimistic(client: QueryClient, input: MediaBulkInput): BulkSnapshot {
  const ids = new Set(input.ids)
  const removes = removal(input)
  const snapshot: BulkSnapshot = { lists: [], trash: new Map(), trashOrder: [], removes }
  if (removes !== 'trash') {
    for (const [key, data] of client.getQueriesData<MediaListData>({ queryKey: mediaKeys.lists() })) {
      if (!data) continue
      const places = new Map<string, Place<MediaItem>>()
      data.pages.forEach((page, p) => page.items.forEach((item, index) => {
        if (ids.has(item.id)) places.set(item.id, { item, page: p, index })
      }))
      if (!places.size) continue
      snapshot.lists.push({ key, places, order: data.pages.map(page => page.items.map(item => item.id)) })
      client.setQueryData<MediaListData>(key, old => old && {
        ...old,
        pages: old.pages.map(page => removes
          ? { ...page, total: Math.max(0, page.total - places.size), items: page.items.filter(item => !ids.has(item.id)) }
          : { ...page, items: page.items.map(item => (ids.has(item.id) ? optimisticItem(item, input) : item)) }),
      })
    }
  }
  if (removes === 'trash') {
    const trash = client.getQueryData<MediaTrashItem[]>(mediaKeys.trash())
    snapshot.trashOrder = trash?.map(item => item.id) ?? []
    trash?.forEach((item, index) => {
      if (ids.has(item.id)) snapshot.trash.set(item.id, { item, page: 0, index })
    })
    if (snapshot.trash.size) client.setQueryData<MediaTrashItem[]>(mediaKeys.trash(), old => old?.filter(item => !ids.has(item.id)))
  }
  return snapshot
}

/**
 * Puts `item` back in place of its optimistic version, or where it was: just before the first file
 * that followed it then and is still there (others around it may have left meanwhile).
 */
function putBack<T extends { id: string }>(items: T[], place: Place<T>, order: readonly string[]): T[] {
  const at = items.findIndex(item => item.id === place.item.id)
  if (at >= 0) return items.map((item, i) => (i === at ? place.item : item))
  const after = order.slice(place.index + 1)
  const before = items.findIndex(item => after.includes(item.id))
  const next = [...items]
  next.splice(before >= 0 ? before : next.length, 0, place.item)
  return next
}

/** Exactly these files go back to how and where they were before the action. */
export function revertBulkItems(client: QueryClient, snapshot: BulkSnapshot | undefined, ids: Iterable<string>): void {
  if (!snapshot) return
  const failed = new Set(ids)
  for (const { key, places, order } of snapshot.lists) {
    const back = [...places.values()].filter(place => failed.has(place.item.id)).sort((a, b) => a.page - b.page || a.index - b.index)
    if (!back.length) continue
    client.setQueryData<MediaListData>(key, (old) => {
      if (!old) return old
      const returning = back.filter(place => !old.pages.some(page => page.items.some(item => item.id === place.item.id))).length
      return {
        ...old,
        pages: old.pages.map((page, p) => ({
          ...page,
          total: page.total + returning,
          items: back.filter(place => Math.min(place.page, old.pages.length - 1) === p).reduce((items, place) => putBack(items, place, order[place.page] ?? []), page.items),
        })),
      }
    })
  }
  const trashBack = [...snapshot.trash.values()].filter(place => failed.has(place.item.id)).sort((a, b) => a.index - b.index)
  if (trashBack.length) client.setQueryData<MediaTrashItem[]>(mediaKeys.trash(), old => old && trashBack.reduce((items, place) => putBack(items, place, snapshot.trashOrder), old))
}

/** A file the server changed: every loaded list shows the server's version (files taken out stay out). */
export function acceptBulkItem(client: QueryClient, file: MediaItem): void {
  for (const [key, data] of client.getQueriesData<MediaListData>({ queryKey: mediaKeys.lists() })) {
    if (!data?.pages.some(page => page.items.some(item => item.id === file.id))) continue
    client.setQueryData<MediaListData>(key, old => old && { ...old, pages: old.pages.map(page => ({ ...page, items: page.items.map(item => (item.id === file.id ? { ...item, ...file } : item)) })) })
  }
}
