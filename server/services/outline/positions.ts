// Writes gap-free positions in two statements per table: first every row to a unique negative
// number, then to its final place. The unique (parent, position) indexes are checked row by row,
// so writing final positions directly could collide mid-statement when two items swap.
import { Prisma } from '../../generated/prisma/client'
import type { Tx } from './course-lock'

export async function writeChapterPositions(tx: Tx, chapterIds: string[]): Promise<void> {
  if (!chapterIds.length) return
  const rows = (offset: (i: number) => number) => Prisma.join(chapterIds.map((id, i) => Prisma.sql`(${id}::text, ${offset(i)}::int)`))
  await tx.$executeRaw`UPDATE "Chapter" AS c SET position = d.pos FROM (VALUES ${rows(i => -(i + 1))}) AS d(id, pos) WHERE c.id = d.id`
  await tx.$executeRaw`UPDATE "Chapter" AS c SET position = d.pos FROM (VALUES ${rows(i => i)}) AS d(id, pos) WHERE c.id = d.id`
}

/** Places every listed lesson under its chapter at its index; moves between chapters included. */
export async function writeLessonPositions(tx: Tx, order: { id: string, lessonIds: string[] }[]): Promise<void> {
  const placed = order.flatMap(chapter => chapter.lessonIds.map((id, position) => ({ id, chapterId: chapter.id, position })))
  if (!placed.length) return
  const rows = (final: boolean) => Prisma.join(placed.map((v, i) => Prisma.sql`(${v.id}::text, ${v.chapterId}::text, ${final ? v.position : -(i + 1)}::int)`))
  await tx.$executeRaw`UPDATE "Video" AS v SET "chapterId" = d.chapter, position = d.pos FROM (VALUES ${rows(false)}) AS d(id, chapter, pos) WHERE v.id = d.id`
  await tx.$executeRaw`UPDATE "Video" AS v SET position = d.pos FROM (VALUES ${rows(true)}) AS d(id, chapter, pos) WHERE v.id = d.id`
}

/** The course's current order, read inside the transaction. */
export async function readOrder(tx: Tx, courseId: string) {
  const chapters = await tx.chapter.findMany({
    where: { courseId },
    orderBy: { position: 'asc' },
    select: { id: true, videos: { select: { id: true }, orderBy: { position: 'asc' } } },
  })
  return { chapters: chapters.map(c => ({ id: c.id, lessonIds: c.videos.map(v => v.id) })) }
}
