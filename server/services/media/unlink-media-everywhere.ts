// Stops using a live file anywhere, in one transaction: every link row goes, and lessons whose
// video it is go back to "no video yet" (as when it is trashed, but the file stays in the
// library). One UNLINK audit entry per place. Idempotent: a file used nowhere is left alone.
import type { MediaItem } from '#shared/types/media'
import { AppError } from '../../utils/errors'
import { announceLessons, announceMedia } from './announce-media'
import { recordMediaAudit } from './media-audit'
import { clearLessonVideo } from './lesson-video-writes'
import type { LessonChange } from './lesson-video-writes'
import { auditTarget, readUsages } from './usage-dto'
import { readMediaItem } from './media-dto'
import { withOwnedMedia } from './media-lock'

export async function unlinkMediaEverywhere({ ownerId, actorId, id }: { ownerId: string, actorId: string, id: string }): Promise<MediaItem> {
  const outcome = await withOwnedMedia({ ownerId, id }, async (tx, file) => {
    if (file.deletedAt) throw new AppError('CONFLICT', 'This file is in the trash; its places were already unlinked')
    const usages = (await readUsages(tx, { ownerId, ids: [id] })).get(id) ?? []
    const lessons: LessonChange[] = []
    if (usages.length) {
      await tx.mediaLink.deleteMany({ where: { mediaFileId: id } })
      for (const usage of usages) {
        if (usage.role === 'VIDEO') lessons.push(await clearLessonVideo(tx, { courseId: usage.courseId, lessonId: usage.targetId }))
      }
      await recordMediaAudit(tx, ...usages.map(usage => ({ ownerId, mediaFileId: id, actorId, action: 'UNLINK' as const, target: auditTarget(usage), before: { linkId: usage.linkId, role: usage.role }, after: { reason: 'unlinked everywhere' } })))
    }
    return { item: (await readMediaItem(tx, { ownerId, id }))!, lessons, changed: usages.length > 0 }
  })
  if (outcome.changed) {
    await announceLessons(outcome.lessons)
    await announceMedia(ownerId, [id])
  }
  return outcome.item
}
