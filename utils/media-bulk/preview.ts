// What a bulk action is about to do, worked out from the selection and the files the library has
// loaded, for the dialogs to say before the user confirms ("3 files are linked and will be
// skipped"). The server decides in the end; selected files the page has not loaded are counted
// as unknown here and checked there.
import type { MediaItem, MediaTrashItem } from '#shared/types/media'

export const isUsed = (item: Pick<MediaItem, 'usageCount' | 'trashedUsageCount'>) => item.usageCount + item.trashedUsageCount > 0

/** The loaded files among the selected ids, in the order shown, and how many ids are not loaded. */
export function selectedItems<T extends { id: string }>(items: readonly T[], selected: ReadonlySet<string>): { items: T[], unknown: number } {
  const chosen = items.filter(item => selected.has(item.id))
  return { items: chosen, unknown: Math.max(0, selected.size - chosen.length) }
}

export interface TrashPreview {
  /** Files a plain "move to trash" moves. */
  free: MediaItem[]
  /** Used somewhere: skipped by a plain trash, unlinked first by "unlink and trash". */
  linked: MediaItem[]
  /** Still uploading: refused either way. */
  uploading: MediaItem[]
  /** Places that "unlink and trash" would unlink, all files together. */
  places: number
}

export function trashPreview(items: readonly MediaItem[]): TrashPreview {
  const uploading = items.filter(item => item.status === 'UPLOADING')
  const rest = items.filter(item => item.status !== 'UPLOADING')
  const linked = rest.filter(isUsed)
  return { free: rest.filter(item => !isUsed(item)), linked, uploading, places: linked.reduce((sum, item) => sum + item.usageCount + item.trashedUsageCount, 0) }
}

export function unlinkPreview(items: readonly MediaItem[]): { used: MediaItem[], unused: number, places: number } {
  const used = items.filter(isUsed)
  return { used, unused: items.length - used.length, places: used.reduce((sum, item) => sum + item.usageCount + item.trashedUsageCount, 0) }
}

/** Tags: how many of the files already have each tag (adding it to those changes nothing). */
export function tagCounts(items: readonly MediaItem[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) for (const tag of item.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  return counts
}

/** Delete forever: a file something still uses (linked again since) is skipped. */
export function deleteForeverPreview(items: readonly MediaTrashItem[]): { deletable: MediaTrashItem[], used: MediaTrashItem[], bytes: number } {
  const used = items.filter(isUsed)
  const deletable = items.filter(item => !isUsed(item))
  return { deletable, used, bytes: deletable.reduce((sum, item) => sum + item.sizeBytes, 0) }
}

/** Restore: files that had places when deleted (re-linking applies to them). */
export function restorePreview(items: readonly MediaTrashItem[]): { withPlaces: MediaTrashItem[], places: number } {
  const withPlaces = items.filter(item => item.usagesAtDeletion.length > 0)
  return { withPlaces, places: withPlaces.reduce((sum, item) => sum + item.usagesAtDeletion.length, 0) }
}

/** The roles the link dialog can offer for this selection at a kind of place. */
export function linkRoles(items: readonly MediaItem[], placeType: 'COURSE' | 'CHAPTER' | 'LESSON' | undefined): ('COVER' | 'RESOURCE' | 'HANDOUT' | 'ATTACHMENT' | 'VIDEO')[] {
  if (!placeType || !items.length) return []
  if (placeType === 'COURSE') return items.every(item => item.kind === 'image') ? ['COVER', 'RESOURCE'] : ['RESOURCE']
  if (placeType === 'CHAPTER') return ['RESOURCE']
  // A lesson has one video: only a single ready video can be it.
  const oneVideo = items.length === 1 && items[0]!.kind === 'video' && items[0]!.status === 'READY'
  return oneVideo ? ['VIDEO', 'HANDOUT', 'ATTACHMENT'] : ['HANDOUT', 'ATTACHMENT']
}
