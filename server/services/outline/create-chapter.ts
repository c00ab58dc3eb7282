import type { ChapterInput } from '#shared/schemas/outline'
import type { Chapter } from '#shared/types/outline'
import { chapterSelect, chapterSnapshot, toChapter } from './outline-dto'
import { withLockedCourse } from './course-lock'
import { announceOutline } from './announce-outline'

/** Adds a chapter at the end of the course. */
export async function createChapter({ ownerId, courseId, input }: { ownerId: string, courseId: string, input: ChapterInput }): Promise<Chapter> {
  const chapter = await withLockedCourse({ ownerId, courseId }, async (tx) => {
    const position = await tx.chapter.count({ where: { courseId } })
    return toChapter(await tx.chapter.create({ data: { courseId, title: input.title, position }, select: chapterSelect }))
  })
  await announceOutline({ type: 'chapter-saved', courseId, chapter: chapterSnapshot(chapter) })
  return chapter
}
