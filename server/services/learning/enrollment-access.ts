// The caller's enrolment in a published, live course, or 404: a course that was unpublished or
// deleted after enrolling is closed to its students (its owner keeps the studio).
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'

export const openCourse = { status: 'PUBLISHED', deletedAt: null } as const

export async function findEnrollmentBySlug({ slug, userId }: { slug: string, userId: string }) {
  const enrollment = await useDb().enrollment.findFirst({
    where: { userId, course: { slug, ...openCourse } },
    select: { id: true, courseId: true, lastVideoId: true, completedAt: true },
  })
  if (!enrollment) throw notFound('Enrolment')
  return enrollment
}
