// "One of my students": a student who has a conversation with this instructor or is enrolled in
// one of their courses. Anyone else (another instructor's student, a missing account, someone who
// is not a student) answers the same 404, so the routes reveal nothing about other accounts.
import { notFound } from '../../utils/errors'
import { useDb } from '../../database/db'

export async function ownStudent({ instructorId, studentId }: { instructorId: string, studentId: string }): Promise<{ id: string, name: string }> {
  const student = await useDb().user.findFirst({
    where: {
      id: studentId,
      role: 'STUDENT',
      OR: [
        { conversationsAsStudent: { some: { instructorId } } },
        { enrollments: { some: { course: { ownerId: instructorId } } } },
      ],
    },
    select: { id: true, name: true },
  })
  if (!student) throw notFound('Student')
  return student
}
