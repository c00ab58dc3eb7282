import type { Chapter } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { ownedCourse } from '../course/course-access'
import { useObjectStore } from '../../storage'
import { chapterSelect, toChapter } from './outline-dto'

/** The course's chapters in order, each with its lessons in order. */
export async function listOutline({ ownerId, courseId }: { ownerId: string, courseId: string }): Promise<Chapter[]> {
  const course = await useDb().course.findFirst({
    where: ownedCourse({ ownerId, id: courseId }),
    select: { chapters: { select: chapterSelect, orderBy: { position: 'asc' } } },
  })
  if (!course) throw notFound('Course')
  const chapters = course.chapters.map(toChapter)
  // An unfinished upload's count on its row trails the bytes in storage by up to a few seconds
  // (uploads/liveness.ts): a reloaded page shows the offset the upload really continues from.
  const storage = useObjectStore()
  const lessons = chapters.flatMap(chapter => chapter.lessons)
  await Promise.all(course.chapters.flatMap(chapter => chapter.videos).map(async (row, index) => {
    const received = lessons[index]?.received
    if (!received || !row.mediaFile) return
    const held = await storage.receivedBytes(row.mediaFile.storageKey)
    if (held !== null && held > received.bytes) received.bytes = Math.min(held, received.total)
  }))
  return chapters
}
