// The steps of removing a library file for good, shared by "delete forever" and the purge job:
// refuse while anything uses it, delete the row with its PURGE audit entry (in the caller's
// transaction), then remove the bytes after the commit.
import type { MediaInUse } from '#shared/types/media'
import { AppError } from '../../utils/errors'
import { useObjectStore } from '../../storage'
import { recordMediaAudit } from './media-audit'
import type { LockedMedia, Tx } from './media-lock'
import { readUsages } from './usage-dto'

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
  await useObjectStore().removeOwned(storageKey).catch(error => console.error(`[media] could not remove the bytes of ${storageKey}:`, error))
}
