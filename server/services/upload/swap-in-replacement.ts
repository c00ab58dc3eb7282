// A lesson's replacement video is ready: it becomes the lesson's video in one transaction (the
// file, the status and the duration together), so students go from the old video straight to
// the new one. The old file is not deleted: it stays in the library, no longer used by this
// lesson (usage is Video.mediaFileId), for the instructor to trash or use again. The history of
// both files says so, as choosing a library file for the lesson does (media/link-media.ts).
import type { MediaLinkInput } from '#shared/schemas/media'
import { useDb } from '../../database/db'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import { announceOutline } from '../outline/announce-outline'
import { announceMedia } from '../media/announce-media'
import { recordMediaAudit } from '../media/media-audit'
import { findTarget, usageAt } from '../media/media-targets'
import { auditTarget } from '../media/usage-dto'

export async function swapInReplacement({ ownerId, courseId, lessonId, mediaFileId, durationSeconds }: { ownerId: string, courseId: string, lessonId: string, mediaFileId: string, durationSeconds: number | null }): Promise<void> {
  const swapped = await useDb().$transaction(async (tx) => {
    // The course row lock orders the swap with uploads into the lesson and other outline writes
    // (outline/course-lock.ts); a course in the trash swaps too, so it is whole when restored.
    await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${courseId} FOR UPDATE`
    const lesson = await tx.video.findUnique({ where: { id: lessonId }, select: { mediaFileId: true, replacementMediaFileId: true } })
    // Cancelled or superseded meanwhile: nothing to swap.
    if (lesson?.replacementMediaFileId !== mediaFileId) return null
    const row = await tx.video.update({
      where: { id: lessonId },
      data: { mediaFileId, replacementMediaFileId: null, status: 'READY', durationSeconds },
      select: lessonSelect,
    })
    const input: MediaLinkInput = { targetType: 'LESSON', targetId: lessonId, role: 'VIDEO' }
    const target = await findTarget(tx, { ownerId, ...input })
    const place = target ? auditTarget(usageAt(target, input, null)) : null
    const old = lesson.mediaFileId
    await recordMediaAudit(tx,
      ...(old ? [{ ownerId, mediaFileId: old, actorId: ownerId, action: 'UNLINK' as const, target: place, before: { role: 'VIDEO' }, after: { replacedBy: mediaFileId } }] : []),
      { ownerId, mediaFileId, actorId: ownerId, action: 'LINK', target: place, after: { role: 'VIDEO', replaced: old } })
    return { lesson: toLesson(row), old }
  }, { maxWait: 10_000, timeout: 20_000 })
  if (!swapped) return
  await announceOutline({ type: 'lesson-saved', courseId, lesson: swapped.lesson })
  // Both files' usage counts moved.
  await announceMedia(ownerId, [swapped.old, mediaFileId])
}
