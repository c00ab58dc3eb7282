// Deletes a file for good: its row, then its bytes (and thumbnail). Only from the trash, and
// never while anything still uses it, whatever the client sends: a linked file is never
// hard-deleted (its lessons would silently lose their video).
import type { MediaInUse } from '#shared/types/media'
import { AppError } from '../../utils/errors'
import { useFileStorage } from '../../uploads/storage'
import { announceMediaRemoved } from './announce-media'
import { recordMediaAudit } from './media-audit'
import { readUsages } from './media-dto'
import { withOwnedMedia } from './media-lock'
import type { LockedMedia, Tx } from './media-lock'

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

export async function refuseWhileUsed(tx: Tx, file: LockedMedia): Promise<void> {
  const usages = (await readUsages(tx, { ownerId: file.ownerId, ids: [file.id] })).get(file.id) ?? []
  if (!usages.length) return
  const details: MediaInUse = { usages }
  throw new AppError('CONFLICT', 'This file is still used; unlink it everywhere before deleting it', { details: { ...details } })
}

/** The row and its PURGE audit entry, in the caller's transaction (bytes after the commit). */
export async function purgeRow(tx: Tx, file: LockedMedia, actorId: string | null): Promise<void> {
  const row = await tx.mediaFile.delete({ where: { id: file.id }, select: { sizeBytes: true, mimeType: true } })
  await recordMediaAudit(tx, {
    ownerId: file.ownerId,
    mediaFileId: file.id,
    actorId,
    action: 'PURGE',
    before: { name: file.originalName, mimeType: row.mimeType, sizeBytes: Number(row.sizeBytes), deletedAt: file.deletedAt?.toISOString() ?? null },
  })
}

export async function removeBytes(storageKey: string): Promise<void> {
  // The row is gone already: bytes left behind by a failure here are unreachable, not dangling.
  await useFileStorage().remove(storageKey).catch(error => console.error(`[media] could not remove the bytes of ${storageKey}:`, error))
}
