// Brings a file back from the library's trash. With `relink`, each place it was used when it was
// deleted gets it back, if that place still exists and is live; the others are reported with why
// (the place is gone, its course is in the trash, the lesson has another video now). Restoring a
// live file is a no-op that answers the same shape.
import type { MediaLinkInput } from '#shared/schemas/media'
import type { MediaUsage, RestoreResult } from '#shared/types/media'
import { mediaKindOf } from '#shared/media/kinds'
import { canBeLessonVideo } from '#shared/media/link-roles'
import { Prisma } from '../../generated/prisma/client'
import { announceLessons, announceMedia } from './announce-media'
import { recordMediaAudit } from './media-audit'
import type { MediaAuditInput } from './media-audit'
import { setLessonVideo } from './lesson-video-writes'
import type { LessonChange } from './lesson-video-writes'
import { auditTarget } from './usage-dto'
import { readMediaItem } from './media-dto'
import { withOwnedMedia } from './media-lock'
import type { LockedMedia, Tx } from './media-lock'
import { findTarget, linkColumns, usageAt } from './media-targets'

const GONE: Record<MediaUsage['targetType'], string> = {
  COURSE: 'The course was deleted',
  CHAPTER: 'The chapter was deleted',
  LESSON: 'The lesson was deleted',
}

export async function restoreMedia({ ownerId, actorId, id, relink }: { ownerId: string, actorId: string, id: string, relink: boolean }): Promise<RestoreResult> {
  const outcome = await withOwnedMedia({ ownerId, id }, async (tx, file) => {
    const restored: MediaUsage[] = []
    const notRestored: RestoreResult['notRestored'] = []
    const lessons: LessonChange[] = []
    if (file.deletedAt) {
      const snapshot = Array.isArray(file.deletedUsages) ? file.deletedUsages as MediaUsage[] : []
      await tx.mediaFile.update({ where: { id }, data: { deletedAt: null, deletedById: null, deletedUsages: Prisma.DbNull } })
      if (relink) {
        for (const usage of snapshot) {
          const result = await relinkOne(tx, { ownerId, file, usage })
          if ('reason' in result) notRestored.push({ usage: result.usage, reason: result.reason })
          else {
            restored.push(result.usage)
            if (result.lesson) lessons.push(result.lesson)
          }
        }
      }
      const links: MediaAuditInput[] = restored.map(usage => ({ ownerId, mediaFileId: id, actorId, action: 'LINK', target: auditTarget(usage), after: { linkId: usage.linkId, role: usage.role, reason: 'restored from the trash' } }))
      await recordMediaAudit(tx,
        { ownerId, mediaFileId: id, actorId, action: 'RESTORE', before: { deletedAt: file.deletedAt.toISOString() }, after: { relink, restored: restored.length, notRestored: notRestored.map(n => ({ label: n.usage.label, role: n.usage.role, reason: n.reason })) } },
        ...links)
    }
    return { item: (await readMediaItem(tx, { ownerId, id }))!, restored, notRestored, lessons, changed: !!file.deletedAt }
  })
  if (outcome.changed) {
    await announceLessons(outcome.lessons)
    await announceMedia(ownerId, [id])
  }
  return { item: outcome.item, restored: outcome.restored, notRestored: outcome.notRestored }
}

type Relinked = { usage: MediaUsage, lesson: LessonChange | null } | { usage: MediaUsage, reason: string }

async function relinkOne(tx: Tx, { ownerId, file, usage }: { ownerId: string, file: LockedMedia, usage: MediaUsage }): Promise<Relinked> {
  const input = { targetType: usage.targetType, targetId: usage.targetId, role: usage.role } as MediaLinkInput
  const target = await findTarget(tx, { ownerId, ...input })
  if (!target) return { usage, reason: GONE[usage.targetType] }
  if (target.inTrash) return { usage: usageAt(target, input, null), reason: 'The course is in the trash' }
  if (input.role === 'VIDEO') {
    await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${target.courseId} FOR UPDATE`
    const current = (await tx.video.findUniqueOrThrow({ where: { id: input.targetId }, select: { mediaFileId: true } })).mediaFileId
    if (current === file.id) return { usage: usageAt(target, input, null), lesson: null }
    if (current) return { usage: usageAt(target, input, null), reason: 'The lesson has another video now' }
    if (!canBeLessonVideo({ kind: mediaKindOf(file.originalName, file.mimeType), status: file.status })) return { usage: usageAt(target, input, null), reason: 'The file is not a ready video' }
    return { usage: usageAt(target, input, null), lesson: await setLessonVideo(tx, { courseId: target.courseId, lessonId: input.targetId, file }) }
  }
  const role = input.role as Exclude<MediaLinkInput['role'], 'VIDEO'>
  const key = { mediaFileId: file.id, targetType: input.targetType, targetId: input.targetId, role }
  const link = await tx.mediaLink.findUnique({ where: { mediaFileId_targetType_targetId_role: key }, select: { id: true } })
    ?? await tx.mediaLink.create({ data: { mediaFileId: file.id, ownerId, role, ...linkColumns(input, target.courseId) }, select: { id: true } })
  return { usage: usageAt(target, input, link.id), lesson: null }
}
