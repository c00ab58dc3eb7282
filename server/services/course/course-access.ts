// Ownership is part of the query: another instructor's course and a missing one both come back
// as null, and the caller answers 404 for both.
import type { Prisma } from '../../generated/prisma/client'

export function ownedCourse(options: { ownerId: string, id: string, deleted?: boolean }): Prisma.CourseWhereInput & { id: string } {
  return {
    id: options.id,
    ownerId: options.ownerId,
    deletedAt: options.deleted ? { not: null } : null,
  }
}
