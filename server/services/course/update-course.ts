import type { CourseUpdateInput } from '#shared/schemas/course'
import type { Course } from '#shared/types/course'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { announceCourse } from './announce-course'
import { courseSelect, toCourse } from './course-dto'
import { ownedCourse } from './course-access'

/** Changes the given fields of a live course the user owns (a deleted course refuses: 404). */
export async function updateCourse({ ownerId, id, input }: { ownerId: string, id: string, input: CourseUpdateInput }): Promise<Course> {
  const { count } = await useDb().course.updateMany({ where: ownedCourse({ ownerId, id }), data: input })
  if (count === 0) throw notFound('Course')
  const course = toCourse(await useDb().course.findUniqueOrThrow({ where: { id }, select: courseSelect }))
  await announceCourse(ownerId, { type: 'course-updated', course })
  return course
}
