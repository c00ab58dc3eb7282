import type { Chapter, Video } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { useDb } from '../../utils/db'
import { ownedCourse } from '../course/course-access'
import { chapterSelect, toChapter, toVideo, videoSelect } from './outline-dto'

/** The course's chapters in order, each with its lessons in order. */
export async function listOutline({ ownerId, courseId }: { ownerId: string, courseId: string }): Promise<Chapter[]> {
  const course = await useDb().course.findFirst({
    where: ownedCourse({ ownerId, id: courseId }),
    select: { chapters: { select: chapterSelect, orderBy: { position: 'asc' } } },
  })
  if (!course) throw notFound('Course')
  return course.chapters.map(toChapter)
}

export async function listVideos({ ownerId, chapterId }: { ownerId: string, chapterId: string }): Promise<Video[]> {
  const chapter = await useDb().chapter.findFirst({
    where: { id: chapterId, course: { ownerId, deletedAt: null } },
    select: { videos: { select: videoSelect, orderBy: { position: 'asc' } } },
  })
  if (!chapter) throw notFound('Chapter')
  return chapter.videos.map(toVideo)
}
