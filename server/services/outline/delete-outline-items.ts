import type { OutlineDeleteInput } from '#shared/schemas/outline'
import { AppError, notFound } from '../../utils/errors'
import { announceCascadedUnlinks } from '../media/announce-media'
import { auditCascadedUnlinks } from '../media/audit-cascaded-unlinks'
import { withLockedCourse } from './course-lock'
import type { Tx } from './course-lock'
import { readOrder, writeChapterPositions, writeLessonPositions } from './positions'
import { announceOutline } from './announce-outline'

/**
 * "Save changes" for pending deletes: all of them in one transaction, or none. Every id must be
 * in this course (404 otherwise, and nothing is deleted). Lessons of a deleted chapter go with
 * it; the remaining positions close up. Library files used there lose those usages (audited).
 * A published course must keep a lesson (publishing asks for one too): a save that would leave
 * it empty is refused with 422 and deletes nothing.
 */
export async function deleteOutlineItems({ ownerId, courseId, input }: { ownerId: string, courseId: string, input: OutlineDeleteInput }) {
  const result = await withLockedCourse({ ownerId, courseId }, async (tx) => {
    const [chapters, lessons] = await Promise.all([
      tx.chapter.count({ where: { id: { in: input.chapterIds }, courseId } }),
      tx.video.count({ where: { id: { in: input.lessonIds }, chapter: { courseId } } }),
    ])
    if (chapters !== input.chapterIds.length) throw notFound('Chapter')
    if (lessons !== input.lessonIds.length) throw notFound('Lesson')
    await refuseEmptyingPublished(tx, courseId, input)
    const cascaded = await auditCascadedUnlinks(tx, { scope: { chapterIds: input.chapterIds, lessonIds: input.lessonIds }, actorId: ownerId })
    await tx.video.deleteMany({ where: { id: { in: input.lessonIds } } })
    await tx.chapter.deleteMany({ where: { id: { in: input.chapterIds } } })
    const order = await readOrder(tx, courseId)
    await writeChapterPositions(tx, order.chapters.map(c => c.id))
    await writeLessonPositions(tx, order.chapters)
    return { chapterIds: input.chapterIds, lessonIds: input.lessonIds, cascaded }
  })
  const { cascaded, ...deleted } = result
  await announceOutline({ type: 'outline-deleted', courseId, ...deleted })
  // Library files used there lost a usage: their counts (and histories) change in the library.
  await announceCascadedUnlinks(cascaded)
  return deleted
}

/** Runs under the course lock, so a concurrent add or delete cannot slip between count and delete. */
async function refuseEmptyingPublished(tx: Tx, courseId: string, input: OutlineDeleteInput) {
  const course = await tx.course.findUnique({ where: { id: courseId }, select: { status: true } })
  if (course?.status !== 'PUBLISHED') return
  const remaining = await tx.video.count({
    where: { chapter: { courseId, id: { notIn: input.chapterIds } }, id: { notIn: input.lessonIds } },
  })
  if (remaining > 0) return
  throw new AppError('UNPROCESSABLE', 'Unpublish the course first: a published course must keep at least one lesson.', {
    details: { reason: 'published-course-needs-a-lesson' },
  })
}
