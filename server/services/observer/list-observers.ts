// The observers an instructor has linked to one of their students.
import type { StudentObservers } from '#shared/types/observer'
import { listLinkedObservers } from './list-linked-observers'
import { ownStudent } from './student-access'

export async function listObservers({ instructorId, studentId }: { instructorId: string, studentId: string }): Promise<StudentObservers> {
  const student = await ownStudent({ instructorId, studentId })
  return { student, observers: await listLinkedObservers({ studentId, instructorId }) }
}
