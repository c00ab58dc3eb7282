// The one place a library file's row becomes what the API and the events carry (MediaItem in
// shared/types/media.ts), and the read that gives those rows with their usage counts.
import type { MediaItem } from '#shared/types/media'
import { mediaKindOf } from '#shared/media/kinds'
import { Prisma } from '../../generated/prisma/client'
import type { Db } from './media-lock'
import { fileColumns, inLibrary, usageCountsLateral } from './media-sql'

export interface MediaRow {
  id: string
  originalName: string
  mimeType: string
  sizeBytes: bigint | number
  status: MediaItem['status']
  createdAt: Date
  updatedAt: Date
  durationSeconds: number | null
  width: number | null
  height: number | null
  thumbnailKey: string | null
  altText: string | null
  tags: string[]
  usageCount: number
  trashedUsageCount: number
}

export function toMediaItem(row: MediaRow): MediaItem {
  return {
    id: row.id,
    name: row.originalName,
    mimeType: row.mimeType,
    kind: mediaKindOf(row.originalName, row.mimeType),
    sizeBytes: Number(row.sizeBytes),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    durationSeconds: row.durationSeconds,
    width: row.width,
    height: row.height,
    hasThumbnail: !!row.thumbnailKey,
    altText: row.altText ?? null,
    tags: row.tags ?? [],
    usageCount: Number(row.usageCount),
    trashedUsageCount: Number(row.trashedUsageCount),
  }
}

/** The owner's library files (trashed ones too) with their counts; foreign ids and attachments are left out. */
export async function readMediaRows(db: Db, { ownerId, ids }: { ownerId: string, ids: string[] }): Promise<(MediaRow & { deletedAt: Date | null, deletedById: string | null, deletedUsages: unknown })[]> {
  if (!ids.length) return []
  return db.$queryRaw`
    SELECT ${fileColumns}, f."deletedAt", f."deletedById", f."deletedUsages", k."usageCount", k."trashedUsageCount"
    FROM "MediaFile" f CROSS JOIN ${usageCountsLateral}
    WHERE f.id IN (${Prisma.join(ids)}) AND f."ownerId" = ${ownerId} AND ${inLibrary}`
}

export async function readMediaItem(db: Db, { ownerId, id }: { ownerId: string, id: string }): Promise<MediaItem | null> {
  const [row] = await readMediaRows(db, { ownerId, ids: [id] })
  return row ? toMediaItem(row) : null
}
