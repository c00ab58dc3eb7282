// Enrolling a student in a course: by themselves (free, published courses) or by the instructor
// (any of their courses, the way to give access to a priced one). Enrolling twice is harmless:
// the existing enrolment is kept and nothing is announced a second time.
import { Prisma } from '../../generated/prisma/client'
import { useDb } from '../../database/db'
import { announceLearning } from './announce-learning'

export async function enrolInCourse({ courseId, userId, source }: { courseId: string, userId: string, source: 'SELF' | 'INSTRUCTOR' }): Promise<{ enrolledAt: Date, created: boolean }> {
  const existing = await useDb().enrollment.findUnique({ where: { courseId_userId: { courseId, userId } }, select: { createdAt: true } })
  if (existing) return { enrolledAt: existing.createdAt, created: false }
  try {
    const row = await useDb().enrollment.create({ data: { courseId, userId, source }, select: { createdAt: true } })
    await announceLearning({ kind: 'enrolled', courseId, userId, at: row.createdAt })
    return { enrolledAt: row.createdAt, created: true }
  }
  catch (error) {
    // Two enrol clicks racing: the unique index keeps one row, and both callers see it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const row = await useDb().enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId } }, select: { createdAt: true } })
      return { enrolledAt: row.createdAt, created: false }
    }
    throw error
  }
}
