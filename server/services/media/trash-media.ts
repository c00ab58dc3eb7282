// Moves a file to the library's trash. A file used anywhere (live places, or places in the
// course trash) is refused with its usages (409) unless the caller explicitly asked to unlink it
// everywhere first; then, in one transaction, every link row and lesson-video reference goes
// (those lessons back to "no video yet"), the removed usages are kept on the file for restore,
// and the audit trail gets the DELETE plus one UNLINK per removed usage.
import type { MediaInUse, MediaTrashItem } from '#shared/types/media'
import { AppError } from '../../utils/errors'
import { announceLessons, announceMediaRemoved } from './announce-media'
import { recordMediaAudit } from './media-audit'
import type { MediaAuditInput } from './media-audit'
import { clearLessonVideo, dropReplacement } from './lesson-video-writes'
import type { LessonChange } from './lesson-video-writes'
import { auditTarget, readUsages } from './usage-dto'
import { readMediaRows } from './media-dto'
import { withOwnedMedia } from './media-lock'
import { toMediaTrashItem } from './trash-dto'

export async function trashMedia({ ownerId, actor, id, unlinkAll, retentionSeconds, now = new Date() }: { ownerId: string, actor: { id: string, name: string }, id: string, unlinkAll: boolean, retentionSeconds: number, now?: Date }): Promise<MediaTrashItem> {
  const outcome = await withOwnedMedia({ ownerId, id }, async (tx, file) => {
    const lessons: LessonChange[] = []
    // Already in the trash: nothing to do, same answer.
    if (!file.deletedAt) {
      if (file.status === 'UPLOADING') throw new AppError('CONFLICT', 'This file is still uploading; cancel the upload instead')
      const usages = (await readUsages(tx, { ownerId, ids: [id] })).get(id) ?? []
      if (usages.length && !unlinkAll) {
        const details: MediaInUse = { usages }
        throw new AppError('CONFLICT', `This file is used in ${usages.length === 1 ? '1 place' : `${usages.length} places`}; unlink it everywhere to move it to the trash`, { details: { ...details } })
      }
      await tx.mediaLink.deleteMany({ where: { mediaFileId: id } })
      for (const usage of usages) {
        if (usage.role === 'VIDEO') lessons.push(await clearLessonVideo(tx, { courseId: usage.courseId, lessonId: usage.targetId }))
      }
      // A lesson's replacement video (processing or failed) is no usage yet: the lesson just stops
      // waiting for it, and keeps its current video.
      lessons.push(...await dropReplacement(tx, id))
      await tx.mediaFile.update({ where: { id }, data: { deletedAt: now, deletedById: actor.id, deletedUsages: usages as object[] } })
      const unlinks: MediaAuditInput[] = usages.map(usage => ({ ownerId, mediaFileId: id, actorId: actor.id, action: 'UNLINK', target: auditTarget(usage), before: { linkId: usage.linkId, role: usage.role }, after: { reason: 'moved to the trash' } }))
      await recordMediaAudit(tx, ...unlinks, { ownerId, mediaFileId: id, actorId: actor.id, action: 'DELETE', before: { usages }, after: { deletedAt: now.toISOString() } })
    }
    const [row] = await readMediaRows(tx, { ownerId, ids: [id] })
    const deletedBy = row!.deletedById === actor.id ? actor : row!.deletedById ? await tx.user.findUnique({ where: { id: row!.deletedById }, select: { id: true, name: true } }) : null
    return { item: toMediaTrashItem(row!, { retentionSeconds, deletedBy }), lessons, trashedNow: !file.deletedAt }
  })
  if (outcome.trashedNow) {
    await announceLessons(outcome.lessons)
    await announceMediaRemoved(ownerId, id)
  }
  return outcome.item
}
