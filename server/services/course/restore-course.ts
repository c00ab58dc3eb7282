import type { Course } from '#shared/types/course'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { announceCourse } from './announce-course'
import { courseSelect, toCourse } from './course-dto'
import { announceMediaOfCourse } from '../media/announce-media'
import { ownedCourse } from './course-access'

/** Brings a course back from "Recently deleted" exactly as it was. */
export async function restoreCourse({ ownerId, id }: { ownerId: string, id: string }): Promise<Course> {
  const { count } = await useDb().course.updateMany({ where: ownedCourse({ ownerId, id, deleted: true }), data: { deletedAt: null } })
  if (count === 0) throw notFound('Deleted course')
  const course = toCourse(await useDb().course.findUniqueOrThrow({ where: { id }, select: courseSelect }))
  await Promise.all([
    announceCourse(ownerId, { type: 'course-restored', course }),
    // Its library files' usages count as live again.
    announceMediaOfCourse({ ownerId, courseId: id }),
  ])
  return course
}
