// The instructor's students page: everyone enrolled in one of their courses, newest enrolment
// first. The ownership check is part of the query, so a foreign course and a missing one both
// answer 404.
import type { StudentRow } from '#shared/types/student'
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { ownedCourse } from '../course/course-access'
import { enrollmentWithStudent, toStudentRows } from './student-dto'

export async function listStudents({ ownerId, courseId }: { ownerId: string, courseId: string }): Promise<StudentRow[]> {
  const course = await useDb().course.findFirst({
    where: ownedCourse({ ownerId, id: courseId }),
    select: {
      // userId breaks ties the way the client's cache orders rows (composables/queries/student-cache.ts).
      enrollments: { select: enrollmentWithStudent, orderBy: [{ createdAt: 'desc' }, { userId: 'asc' }] },
    },
  })
  if (!course) throw notFound('Course')
  return toStudentRows(courseId, course.enrollments)
}
