// The public course page: the course, its instructor and syllabus, and the visitor's own place
// (owner, enrolled, may enrol). Unpublished courses exist only for their owner (404 otherwise).
import type { User } from '#auth-utils'
import type { CourseOverview } from '#shared/types/catalog'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { captionOrder } from '../caption/caption-dto'
import { catalogCourseSelect, toCatalogCourse } from './catalog-dto'

export async function getCourseOverview({ slug, user }: { slug: string, user: User | null }): Promise<CourseOverview> {
  const course = await useDb().course.findFirst({
    where: { slug, deletedAt: null },
    select: {
      ...catalogCourseSelect,
      status: true,
      ownerId: true,
      chapters: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          title: true,
          videos: {
            orderBy: { position: 'asc' },
            select: { id: true, title: true, durationSeconds: true, freePreview: true, mediaFile: { select: { status: true, thumbnailKey: true } }, captions: { select: { language: true }, orderBy: captionOrder } },
          },
        },
      },
    },
  })
  const isOwner = !!user && course?.ownerId === user.id
  if (!course || (course.status !== 'PUBLISHED' && !isOwner)) throw notFound('Course')
  const enrollment = user
    ? await useDb().enrollment.findUnique({ where: { courseId_userId: { courseId: course.id, userId: user.id } }, select: { createdAt: true } })
    : null
  const published = course.status === 'PUBLISHED'
  const mayWatchAll = isOwner || (!!enrollment && published)
  return {
    course: { ...toCatalogCourse(course), description: course.description, status: course.status },
    chapters: course.chapters.map(chapter => ({
      id: chapter.id,
      title: chapter.title,
      lessons: chapter.videos.map((lesson) => {
        const ready = lesson.mediaFile?.status === 'READY'
        return {
          id: lesson.id,
          title: lesson.title,
          durationSeconds: lesson.durationSeconds,
          freePreview: lesson.freePreview,
          playable: ready && (mayWatchAll || (lesson.freePreview && published)),
          hasThumbnail: ready && !!lesson.mediaFile?.thumbnailKey,
          captionLanguages: lesson.captions.map(caption => caption.language),
        }
      }),
    })),
    viewer: user
      ? {
          isOwner,
          enrolledAt: enrollment?.createdAt.toISOString() ?? null,
          canEnrol: published && !isOwner && !enrollment && course.priceCents === null,
        }
      : null,
  }
}
