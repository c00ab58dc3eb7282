// A student enrolling themselves from the course page: free, published courses only. Priced
// courses are opened by the instructor (students page, by email): there is no checkout.
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { enrolInCourse } from '../learning/enrol-in-course'

export async function selfEnrol({ slug, userId }: { slug: string, userId: string }): Promise<{ enrolledAt: string }> {
  const course = await useDb().course.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, ownerId: true, status: true, priceCents: true },
  })
  const isOwner = course?.ownerId === userId
  if (!course || (course.status !== 'PUBLISHED' && !isOwner)) throw notFound('Course')
  if (isOwner) throw new AppError('UNPROCESSABLE', 'This is your own course: preview it from the studio.')
  if (course.status !== 'PUBLISHED') throw notFound('Course')
  if (course.priceCents !== null)
    throw new AppError('FORBIDDEN', 'This course is priced: the instructor gives access by enrolling you with your email.')
  const { enrolledAt } = await enrolInCourse({ courseId: course.id, userId, source: 'SELF' })
  return { enrolledAt: enrolledAt.toISOString() }
}
