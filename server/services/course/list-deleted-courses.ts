import type { DeletedCourse } from '#shared/types/course'
import { useDb } from '../../database/db'
import { courseSelect, toDeletedCourse } from './course-dto'

/** "Recently deleted": the owner's soft-deleted courses, newest deletion first. */
export async function listDeletedCourses({ ownerId, retentionDays }: { ownerId: string, retentionDays: number }): Promise<DeletedCourse[]> {
  const rows = await useDb().course.findMany({
    where: { ownerId, deletedAt: { not: null } },
    orderBy: [{ deletedAt: 'desc' }, { id: 'asc' }],
    select: courseSelect,
  })
  return rows.map(row => toDeletedCourse({ ...row, deletedAt: row.deletedAt! }, retentionDays))
}
