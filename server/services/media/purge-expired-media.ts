// The media:purge job: files that have sat in the library's trash longer than the retention are
// deleted for good (row, bytes, a PURGE audit entry by no one). A file something still uses is
// skipped and reported, never purged.
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { libraryFile } from './media-sql'
import { announceMediaRemoved } from './announce-media'
import { purgeRow, refuseWhileUsed, removeBytes } from './media-removal'
import { withOwnedMedia } from './media-lock'

export async function purgeExpiredMedia({ retentionSeconds, now = new Date() }: { retentionSeconds: number, now?: Date }): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionSeconds * 1000)
  const expired = await useDb().mediaFile.findMany({
    where: { deletedAt: { lt: cutoff }, ...libraryFile },
    select: { id: true, ownerId: true },
    orderBy: { deletedAt: 'asc' },
    take: 500,
  })
  let purged = 0
  for (const { id, ownerId } of expired) {
    try {
      const storageKey = await withOwnedMedia({ ownerId, id }, async (tx, file) => {
        // Restored (or re-trashed) since the list was read.
        if (!file.deletedAt || file.deletedAt >= cutoff) return null
        await refuseWhileUsed(tx, file)
        await purgeRow(tx, file, null)
        return file.storageKey
      })
      if (!storageKey) continue
      await removeBytes(storageKey)
      await announceMediaRemoved(ownerId, id)
      purged++
    }
    catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') continue // deleted meanwhile
      console.warn(`[media] not purging ${id}: ${(error as Error).message}`)
    }
  }
  return purged
}
