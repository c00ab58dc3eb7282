import type { RenameMediaInput } from '#shared/schemas/media'
import type { MediaItem } from '#shared/types/media'
import { AppError } from '../../utils/errors'
import { announceMedia } from './announce-media'
import { recordMediaAudit } from './media-audit'
import { readMediaItem } from './media-dto'
import { withOwnedMedia } from './media-lock'

/** Renames a live file (what the library and downloads show; the stored bytes keep their key). */
export async function renameMedia({ ownerId, actorId, id, input }: { ownerId: string, actorId: string, id: string, input: RenameMediaInput }): Promise<MediaItem> {
  const item = await withOwnedMedia({ ownerId, id }, async (tx, file) => {
    if (file.deletedAt) throw new AppError('CONFLICT', 'This file is in the trash; restore it to rename it')
    if (file.originalName !== input.name) {
      await tx.mediaFile.update({ where: { id }, data: { originalName: input.name } })
      await recordMediaAudit(tx, { ownerId, mediaFileId: id, actorId, action: 'RENAME', before: { name: file.originalName }, after: { name: input.name } })
    }
    return (await readMediaItem(tx, { ownerId, id }))!
  })
  await announceMedia(ownerId, [id])
  return item
}
