import type { Course } from '#shared/types/course'
import { notFound } from '../../utils/errors'
import { useDb } from '../../utils/db'
import { courseSelect, toCourse } from './course-dto'
import { ownedCourse } from './find-owned'

/**
 * Moves a course to "Recently deleted": it leaves every list at once and is purged for good
 * after the retention period unless restored. Chapters and lessons follow in later issues.
 */
export async function softDeleteCourse({ ownerId, id, now = new Date() }: { ownerId: string, id: string, now?: Date }): Promise<Course> {
  const { count } = await useDb().course.updateMany({ where: ownedCourse({ ownerId, id }), data: { deletedAt: now } })
  if (count === 0) throw notFound('Course')
  return toCourse(await useDb().course.findUniqueOrThrow({ where: { id }, select: courseSelect }))
}
