import type { DeletedCourse } from '#shared/types/course'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { announceCourse, dropCourseWatchers } from './announce-course'
import { courseSelect, toDeletedCourse } from './course-dto'
import { announceMediaOfCourse } from '../media/announce-media'
import { ownedCourse } from './course-access'

/**
 * Moves a course to "Recently deleted": it leaves every list at once and is purged for good
 * after the retention period unless restored. Chapters and lessons follow in later issues.
 */
export async function softDeleteCourse({ ownerId, id, retentionDays, now = new Date() }: { ownerId: string, id: string, retentionDays: number, now?: Date }): Promise<DeletedCourse> {
  const { count } = await useDb().course.updateMany({ where: ownedCourse({ ownerId, id }), data: { deletedAt: now } })
  if (count === 0) throw notFound('Course')
  const row = await useDb().course.findUniqueOrThrow({ where: { id }, select: courseSelect })
  const course = toDeletedCourse({ ...row, deletedAt: row.deletedAt! }, retentionDays)
  await Promise.all([
    announceCourse(ownerId, { type: 'course-deleted', course }),
    // Whoever watched this course (editor tabs, later its students) loses the subscription now.
    dropCourseWatchers(id),
    // Its library files' usages now count as "in trash".
    announceMediaOfCourse({ ownerId, courseId: id }),
  ])
  return course
}
