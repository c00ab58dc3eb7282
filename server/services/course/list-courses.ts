import type { Course } from '#shared/types/course'
import { useDb } from '../../database/db'
import { courseSelect, toCourse } from './course-dto'

/** The owner's live courses, most recently changed first. */
export async function listCourses({ ownerId }: { ownerId: string }): Promise<Course[]> {
  const rows = await useDb().course.findMany({
    where: { ownerId, deletedAt: null },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    select: courseSelect,
  })
  return rows.map(toCourse)
}
