import type { Course } from '#shared/types/course'
import type { CourseStatus } from '#shared/schemas/course'
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { announceCourse } from './announce-course'
import { courseSelect, toCourse } from './course-dto'
import { ownedCourse } from './course-access'

/**
 * Publishes or unpublishes a course. Publishing needs something to watch: at least one chapter
 * with at least one lesson; otherwise 422 says which is missing.
 */
export async function setCourseStatus({ ownerId, id, status }: { ownerId: string, id: string, status: CourseStatus }): Promise<Course> {
  const course = await useDb().course.findFirst({
    where: ownedCourse({ ownerId, id }),
    select: { _count: { select: { chapters: true } }, chapters: { where: { videos: { some: {} } }, select: { id: true }, take: 1 } },
  })
  if (!course) throw notFound('Course')
  if (status === 'PUBLISHED' && !course.chapters.length) {
    const missing = course._count.chapters ? 'lesson' : 'chapter'
    throw new AppError('UNPROCESSABLE', missing === 'chapter'
      ? 'Add a chapter with at least one lesson before publishing.'
      : 'Add at least one lesson to a chapter before publishing.', { details: { missing } })
  }
  // Each publish stamps publishedAt: the catalog's "newest" is "newest to the catalog".
  const data = status === 'PUBLISHED' ? { status, publishedAt: new Date() } : { status }
  const row = await useDb().course.update({ where: { id }, data, select: courseSelect })
  const updated = toCourse(row)
  await announceCourse(ownerId, { type: 'course-updated', course: updated })
  return updated
}
