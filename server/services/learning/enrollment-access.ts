// The caller's enrolment in a published, live course, or 404: a course that was unpublished or
// deleted after enrolling is closed to its students (its owner keeps the studio). The 404 says
// whether the course itself is open (its catalog page is public anyway), so the page can offer
// to enrol rather than link to another "not found".
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'

export const openCourse = { status: 'PUBLISHED', deletedAt: null } as const

export async function findEnrollmentBySlug({ slug, userId }: { slug: string, userId: string }) {
  const enrollment = await useDb().enrollment.findFirst({
    where: { userId, course: { slug, ...openCourse } },
    select: { id: true, courseId: true, lastVideoId: true, completedAt: true },
  })
  if (enrollment) return enrollment
  const course = await useDb().course.findFirst({ where: { slug, ...openCourse }, select: { id: true } })
  throw course
    ? new AppError('NOT_FOUND', 'You are not enrolled in this course', { details: { courseOpen: true } })
    : new AppError('NOT_FOUND', 'Course not found', { details: { courseOpen: false } })
}
