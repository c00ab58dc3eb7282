// Deletes a file for good: its row, then its bytes (and thumbnail). Only from the trash, and
// never while anything still uses it, whatever the client sends: a linked file is never
// hard-deleted (its lessons would silently lose their video).
import { AppError } from '../../utils/errors'
import { announceMediaRemoved } from './announce-media'
import { withOwnedMedia } from './media-lock'
import { purgeRow, refuseWhileUsed, removeBytes } from './media-removal'

export async function deleteMediaForever({ ownerId, actorId, id }: { ownerId: string, actorId: string, id: string }): Promise<{ id: string, deleted: true }> {
  const storageKey = await withOwnedMedia({ ownerId, id }, async (tx, file) => {
    if (!file.deletedAt) throw new AppError('CONFLICT', 'Move it to the trash first: only files in the trash can be deleted for good')
    await refuseWhileUsed(tx, file)
    await purgeRow(tx, file, actorId)
    return file.storageKey
  })
  await removeBytes(storageKey)
  await announceMediaRemoved(ownerId, id)
  return { id, deleted: true }
}
