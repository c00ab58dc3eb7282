import type { ChapterInput } from '#shared/schemas/outline'
import type { Chapter } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { chapterSelect, chapterSnapshot, toChapter } from './outline-dto'
import { announceOutline } from './announce-outline'

export async function renameChapter({ ownerId, chapterId, input }: { ownerId: string, chapterId: string, input: ChapterInput }): Promise<Chapter> {
  const { count } = await useDb().chapter.updateMany({
    where: { id: chapterId, course: { ownerId, deletedAt: null } },
    data: { title: input.title },
  })
  if (count === 0) throw notFound('Chapter')
  const chapter = toChapter(await useDb().chapter.findUniqueOrThrow({ where: { id: chapterId }, select: chapterSelect }))
  await announceOutline({ type: 'chapter-saved', courseId: chapter.courseId, chapter: chapterSnapshot(chapter) })
  return chapter
}
