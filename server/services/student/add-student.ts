// The instructor adds a student by email: the way to give someone a draft or priced course.
// Every refusal names the email field, so the form shows it under the input.
import type { StudentRow } from '#shared/types/student'
import { AppError, notFound } from '../../utils/errors'
import { useDb } from '../../database/db'
import { ownedCourse } from '../course/course-access'
import { enrolInCourse } from '../learning/enrol-in-course'
import { readStudentRow } from './student-dto'

const refuse = (code: 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE', message: string) =>
  new AppError(code, message, { fields: { email: [message] } })

export async function addStudent({ ownerId, courseId, email }: { ownerId: string, courseId: string, email: string }): Promise<StudentRow> {
  const db = useDb()
  const [course, user] = await Promise.all([
    db.course.findFirst({ where: ownedCourse({ ownerId, id: courseId }), select: { id: true } }),
    db.user.findUnique({ where: { email }, select: { id: true } }),
  ])
  if (!course) throw notFound('Course')
  // Accounts are not created on someone's behalf: they sign up, then the instructor adds them.
  if (!user) throw refuse('NOT_FOUND', `No Lectern account uses ${email}. Ask them to sign up first, then add them here.`)
  if (user.id === ownerId) throw refuse('UNPROCESSABLE', 'You teach this course, so you cannot enrol in it.')

  const { created } = await enrolInCourse({ courseId, userId: user.id, source: 'INSTRUCTOR' })
  if (!created) throw refuse('CONFLICT', `${email} is already enrolled in this course.`)
  const row = await readStudentRow(courseId, user.id)
  // Removed again between the enrolment and this read (another tab): say so rather than invent a row.
  if (!row) throw refuse('CONFLICT', `${email} was removed from this course meanwhile.`)
  return row
}
