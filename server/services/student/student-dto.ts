// One student of a course as the instructor's students page shows it (the list and the live
// `student-updated` event use the same shape).
import type { StudentRow } from '#shared/types/student'
import { useDb } from '../../database/db'
import { progressSummaries } from '../learning/course-progress'

export const enrollmentWithStudent = {
  id: true,
  userId: true,
  source: true,
  createdAt: true,
  lastActiveAt: true,
  completedAt: true,
  user: { select: { name: true, email: true } },
} as const

interface EnrollmentWithStudent {
  id: string
  userId: string
  source: 'SELF' | 'INSTRUCTOR'
  createdAt: Date
  lastActiveAt: Date
  completedAt: Date | null
  user: { name: string, email: string }
}

export async function toStudentRows(courseId: string, enrollments: EnrollmentWithStudent[]): Promise<StudentRow[]> {
  const summaries = await progressSummaries(courseId, enrollments.map(e => e.id))
  return enrollments.map((e) => {
    const summary = summaries.get(e.id)!
    return {
      userId: e.userId,
      name: e.user.name,
      email: e.user.email,
      enrolledAt: e.createdAt.toISOString(),
      source: e.source,
      lastActiveAt: e.lastActiveAt.toISOString(),
      completedAt: e.completedAt?.toISOString() ?? null,
      percentComplete: summary.percentComplete,
      completedLessonIds: summary.completedLessonIds,
    }
  })
}

/** The row for one student, or null once they are no longer enrolled. */
export async function readStudentRow(courseId: string, userId: string): Promise<StudentRow | null> {
  const enrollment = await useDb().enrollment.findUnique({ where: { courseId_userId: { courseId, userId } }, select: enrollmentWithStudent })
  if (!enrollment) return null
  const [row] = await toStudentRows(courseId, [enrollment])
  return row ?? null
}
