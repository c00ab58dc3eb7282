// Edits a live file's descriptive fields: its alt text (images only) and its tags. Only what is
// given changes; a change to the same value writes nothing. The audit trail gets an EDIT (alt
// text, before/after) and a TAG (tags added and removed) entry when something did change.
import type { MediaBulkEditChanges } from '#shared/schemas/media-bulk'
import type { MediaItem } from '#shared/types/media'
import { mediaKindOf } from '#shared/media/kinds'
import { AppError } from '../../utils/errors'
import { announceMedia } from './announce-media'
import { recordMediaAudit } from './media-audit'
import type { MediaAuditInput } from './media-audit'
import { readMediaItem } from './media-dto'
import { applyTagChanges } from './apply-tag-changes'
import { withOwnedMedia } from './media-lock'

export async function editMedia({ ownerId, actorId, id, changes }: { ownerId: string, actorId: string, id: string, changes: MediaBulkEditChanges }): Promise<MediaItem> {
  const outcome = await withOwnedMedia({ ownerId, id }, async (tx, file) => {
    if (file.deletedAt) throw new AppError('CONFLICT', 'This file is in the trash; restore it to edit it')
    const entries: MediaAuditInput[] = []
    if (changes.altText !== undefined) {
      if (mediaKindOf(file.originalName, file.mimeType) !== 'image') throw new AppError('UNPROCESSABLE', 'Alt text is for images only')
      const { altText } = await tx.mediaFile.findUniqueOrThrow({ where: { id }, select: { altText: true } })
      if (altText !== changes.altText) {
        await tx.mediaFile.update({ where: { id }, data: { altText: changes.altText } })
        entries.push({ ownerId, mediaFileId: id, actorId, action: 'EDIT', before: { altText }, after: { altText: changes.altText } })
      }
    }
    const tags = await applyTagChanges(tx, { ownerId, mediaFileId: id, add: changes.addTags ?? [], remove: changes.removeTags ?? [] })
    if (tags.added.length || tags.removed.length) entries.push({ ownerId, mediaFileId: id, actorId, action: 'TAG', after: tags })
    await recordMediaAudit(tx, ...entries)
    return { item: (await readMediaItem(tx, { ownerId, id }))!, changed: entries.length > 0 }
  })
  if (outcome.changed) await announceMedia(ownerId, [id])
  return outcome.item
}
