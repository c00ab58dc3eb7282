import type { OutlineOrderInput } from '#shared/schemas/outline'
import type { Chapter, OutlineOrder } from '#shared/types/outline'
import { AppError, notFound } from '../../utils/errors'
import { chapterSelect, toChapter } from './outline-dto'
import { withLockedCourse } from './course-lock'
import { readOrder, writeChapterPositions, writeLessonPositions } from './positions'
import { announceOutline } from './announce-outline'

const sameSet = (a: string[], b: Set<string>) => a.length === b.size && a.every(id => b.has(id))

/**
 * Applies a complete new order of chapters and of lessons per chapter (moves across chapters
 * included). The order must list exactly the course's current chapters and lessons: one that
 * was made from a stale outline gets 409 with the current order, so the client can rebase.
 */
export async function reorderOutline({ ownerId, courseId, input }: { ownerId: string, courseId: string, input: OutlineOrderInput }): Promise<{ order: OutlineOrder, chapters: Chapter[] }> {
  const chapters = await withLockedCourse({ ownerId, courseId }, async (tx) => {
    const current = await readOrder(tx, courseId)
    const currentChapters = new Set(current.chapters.map(c => c.id))
    const currentLessons = new Set(current.chapters.flatMap(c => c.lessonIds))
    const wantedChapters = input.chapters.map(c => c.id)
    const wantedLessons = input.chapters.flatMap(c => c.lessonIds)

    const unknownChapters = wantedChapters.filter(id => !currentChapters.has(id))
    const unknownLessons = wantedLessons.filter(id => !currentLessons.has(id))
    if (unknownChapters.length || unknownLessons.length) {
      const [foreignChapters, foreignLessons] = await Promise.all([
        tx.chapter.count({ where: { id: { in: unknownChapters } } }),
        tx.video.count({ where: { id: { in: unknownLessons } } }),
      ])
      if (foreignChapters || foreignLessons) throw notFound('Chapter or lesson')
    }
    if (!sameSet(wantedChapters, currentChapters) || !sameSet(wantedLessons, currentLessons)) {
      throw new AppError('CONFLICT', 'The outline changed since this order was made; here is the current one.', { details: { currentOrder: current } })
    }
    await writeChapterPositions(tx, wantedChapters)
    await writeLessonPositions(tx, input.chapters)
    const rows = await tx.chapter.findMany({ where: { courseId }, orderBy: { position: 'asc' }, select: chapterSelect })
    return rows.map(toChapter)
  })
  const order = { chapters: chapters.map(c => ({ id: c.id, lessonIds: c.lessons.map(v => v.id) })) }
  await announceOutline({ type: 'outline-reordered', courseId, order })
  return { order, chapters }
}
