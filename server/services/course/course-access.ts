// Ownership is part of the query: another instructor's course and a missing one both come back
// as null, and the caller answers 404 for both.
import type { Prisma } from '../../generated/prisma/client'
import { useDb } from '../../database/db'

export function ownedCourse(options: { ownerId: string, id: string, deleted?: boolean }): Prisma.CourseWhereInput & { id: string } {
  return {
    id: options.id,
    ownerId: options.ownerId,
    deletedAt: options.deleted ? { not: null } : null,
  }
}

/** May this user follow the course's channel (its editor's live updates)? Its owner, while it is live. */
export async function ownsLiveCourse({ userId, courseId }: { userId: string, courseId: string }): Promise<boolean> {
  return !!(await useDb().course.findFirst({ where: ownedCourse({ ownerId: userId, id: courseId }), select: { id: true } }))
}
