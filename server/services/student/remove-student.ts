// The instructor removes a student: the enrolment goes, and its lesson progress with it (the
// database cascades). Removing someone who is not enrolled, or from a course that is not the
// caller's, answers the same 404.
import { AppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { ownedCourse } from '../course/course-access'
import { announceLearning } from '../learning/announce-learning'

export async function removeStudent({ ownerId, courseId, userId }: { ownerId: string, courseId: string, userId: string }): Promise<{ courseId: string, userId: string }> {
  const { count } = await useDb().enrollment.deleteMany({
    where: { courseId, userId, course: ownedCourse({ ownerId, id: courseId }) },
  })
  if (!count) throw new AppError('NOT_FOUND', 'This student is not enrolled in the course')
  await announceLearning({ kind: 'removed', courseId, userId, at: new Date() })
  return { courseId, userId }
}
