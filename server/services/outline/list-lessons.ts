import type { Lesson } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { toLesson, lessonSelect } from './outline-dto'

/** A chapter's lessons in order. */
export async function listLessons({ ownerId, chapterId }: { ownerId: string, chapterId: string }): Promise<Lesson[]> {
  const chapter = await useDb().chapter.findFirst({
    where: { id: chapterId, course: { ownerId, deletedAt: null } },
    select: { videos: { select: lessonSelect, orderBy: { position: 'asc' } } },
  })
  if (!chapter) throw notFound('Chapter')
  return chapter.videos.map(toLesson)
}
