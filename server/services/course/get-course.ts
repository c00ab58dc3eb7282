import type { Course } from '#shared/types/course'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { courseSelect, toCourse } from './course-dto'
import { ownedCourse } from './course-access'

export async function getCourse({ ownerId, id }: { ownerId: string, id: string }): Promise<Course> {
  const row = await useDb().course.findFirst({ where: ownedCourse({ ownerId, id }), select: courseSelect })
  if (!row) throw notFound('Course')
  return toCourse(row)
}
