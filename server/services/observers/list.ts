// The observers an instructor has linked to one of their students.
import type { StudentObservers } from '#shared/types/observers'
import { linkedObservers } from './observer-row'
import { ownStudent } from './own-student'

export async function listObservers({ instructorId, studentId }: { instructorId: string, studentId: string }): Promise<StudentObservers> {
  const student = await ownStudent({ instructorId, studentId })
  return { student, observers: await linkedObservers({ studentId, instructorId }) }
}
