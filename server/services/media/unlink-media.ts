// Stops using a file in one place. Idempotent: { removed: false } when it was not used there.
// Works for places in the course trash too (their links stay until the course is purged).
import type { MediaLinkInput } from '#shared/schemas/media'
import { notFound } from '../../utils/errors'
import { announceLessons, announceMedia } from './announce-media'
import { recordMediaAudit } from './media-audit'
import { clearLessonVideo } from './lesson-video-writes'
import type { LessonChange } from './lesson-video-writes'
import { auditTarget } from './usage-dto'
import { withOwnedMedia } from './media-lock'
import { findTarget, TARGET_NAMES, usageAt } from './media-targets'

export async function unlinkMedia({ ownerId, actorId, id, input }: { ownerId: string, actorId: string, id: string, input: MediaLinkInput }): Promise<{ removed: boolean }> {
  const outcome = await withOwnedMedia({ ownerId, id }, async (tx) => {
    const target = await findTarget(tx, { ownerId, ...input })
    if (!target) throw notFound(TARGET_NAMES[input.targetType])
    let lesson: LessonChange | null = null
    let linkId: string | null = null
    if (input.role === 'VIDEO') {
      if (target.lessonMediaFileId !== id) return { removed: false, lesson }
      lesson = await clearLessonVideo(tx, { courseId: target.courseId, lessonId: input.targetId })
    }
    else {
      const key = { mediaFileId: id, targetType: input.targetType, targetId: input.targetId, role: input.role }
      const link = await tx.mediaLink.findUnique({ where: { mediaFileId_targetType_targetId_role: key }, select: { id: true } })
      if (!link) return { removed: false, lesson }
      await tx.mediaLink.delete({ where: { id: link.id } })
      linkId = link.id
    }
    await recordMediaAudit(tx, { ownerId, mediaFileId: id, actorId, action: 'UNLINK', target: auditTarget(usageAt(target, input, linkId)), before: { linkId, role: input.role } })
    return { removed: true, lesson }
  })
  if (outcome.removed) {
    await announceLessons(outcome.lesson ? [outcome.lesson] : [])
    await announceMedia(ownerId, [id])
  }
  return { removed: outcome.removed }
}
