import type { MediaTrashItem } from '#shared/types/media'
import { Prisma } from '../../generated/prisma/client'
import { useDb } from '../../database/db'
import { fileColumns, inLibrary, usageCountsLateral } from './media-sql'
import type { MediaRow } from './media-dto'
import { toMediaTrashItem } from './trash-dto'

/** The library's trash, most recently deleted first, each with who deleted it, when it goes for good and where it was used. */
export async function listMediaTrash({ ownerId, retentionSeconds }: { ownerId: string, retentionSeconds: number }): Promise<MediaTrashItem[]> {
  const rows = await useDb().$queryRaw<(MediaRow & { deletedAt: Date, deletedUsages: unknown, deletedById: string | null, deletedByName: string | null })[]>`
    SELECT ${fileColumns}, f."deletedAt", f."deletedUsages", f."deletedById", u.name AS "deletedByName", k."usageCount", k."trashedUsageCount"
    FROM "MediaFile" f
    LEFT JOIN "User" u ON u.id = f."deletedById"
    CROSS JOIN ${usageCountsLateral}
    WHERE f."ownerId" = ${ownerId} AND ${inLibrary} AND f."deletedAt" IS NOT NULL
    ORDER BY f."deletedAt" DESC, f.id DESC
    LIMIT ${Prisma.raw('1000')}`
  return rows.map(row => toMediaTrashItem(row, {
    retentionSeconds,
    deletedBy: row.deletedById ? { id: row.deletedById, name: row.deletedByName ?? 'A deleted account' } : null,
  }))
}
