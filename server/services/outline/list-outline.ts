import type { Chapter } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { ownedCourse } from '../course/course-access'
import { chapterSelect, toChapter } from './outline-dto'

/** The course's chapters in order, each with its lessons in order. */
export async function listOutline({ ownerId, courseId }: { ownerId: string, courseId: string }): Promise<Chapter[]> {
  const course = await useDb().course.findFirst({
    where: ownedCourse({ ownerId, id: courseId }),
    select: { chapters: { select: chapterSelect, orderBy: { position: 'asc' } } },
  })
  if (!course) throw notFound('Course')
  return course.chapters.map(toChapter)
}
