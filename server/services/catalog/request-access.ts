// "Request access" on a priced course's page: a signed-in student who is not enrolled asks the
// instructor, in their conversation, to enrol them. Free courses are enrolled in directly, an
// unpublished course is not there (404), and asking again within a day changes nothing.
import type { AccessRequestResult } from '#shared/types/catalog'
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { writeAccessRequest } from '../conversation/write-access-request'

export async function requestAccess({ slug, user }: { slug: string, user: { id: string, role: string } }): Promise<AccessRequestResult> {
  const course = await useDb().course.findFirst({
    where: { slug, deletedAt: null, status: 'PUBLISHED' },
    select: { id: true, title: true, ownerId: true, priceCents: true },
  })
  if (!course) throw notFound('Course')
  if (user.role !== 'STUDENT') throw new AppError('FORBIDDEN', 'Only students can request access to a course.')
  if (course.priceCents === null) throw new AppError('UNPROCESSABLE', 'This course is free: enrol yourself from its page.')
  const [enrolled, student] = await Promise.all([
    useDb().enrollment.findUnique({ where: { courseId_userId: { courseId: course.id, userId: user.id } }, select: { createdAt: true } }),
    useDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, name: true, email: true } }),
  ])
  if (enrolled) throw new AppError('CONFLICT', 'You are already enrolled in this course.')
  return writeAccessRequest({ student, course })
}
