import type { MediaTrashItem, MediaUsage } from '#shared/types/media'
import { toMediaItem } from './media-dto'
import type { MediaRow } from './media-dto'

export type TrashedRow = MediaRow & { deletedAt: Date | null, deletedUsages: unknown }

export const purgeAtOf = (deletedAt: Date, retentionSeconds: number) => new Date(deletedAt.getTime() + retentionSeconds * 1000)

export function toMediaTrashItem(row: TrashedRow, options: { retentionSeconds: number, deletedBy: { id: string, name: string } | null }): MediaTrashItem {
  const deletedAt = row.deletedAt ?? new Date()
  return {
    ...toMediaItem(row),
    deletedAt: deletedAt.toISOString(),
    deletedBy: options.deletedBy,
    purgeAt: purgeAtOf(deletedAt, options.retentionSeconds).toISOString(),
    usagesAtDeletion: Array.isArray(row.deletedUsages) ? row.deletedUsages as MediaUsage[] : [],
  }
}
