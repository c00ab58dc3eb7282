// How a student change lands in the course's students list. Used by the realtime cache updaters
// (`student-updated`, `student-removed`) and by the students mutations for their own answers, so
// both paths write the same way; the same change arriving twice leaves the same cache.
import type { QueryClient } from '@tanstack/vue-query'
import type { StudentRow } from '#shared/types/student'
import { studentKeys } from './keys'

/** The server's order: newest enrolment first, ties by user id (server/services/learning/list-students.ts). */
export const byEnrolment = (a: StudentRow, b: StudentRow) =>
  b.enrolledAt.localeCompare(a.enrolledAt) || a.userId.localeCompare(b.userId)

/** A student enrolled, or their progress changed: the row is the server's whole, current row. */
export function studentSaved(client: QueryClient, courseId: string, student: StudentRow): void {
  client.setQueryData<StudentRow[]>(studentKeys.list(courseId), list =>
    list && [...list.filter(s => s.userId !== student.userId), student].sort(byEnrolment))
}

export function studentRemoved(client: QueryClient, courseId: string, userId: string): void {
  client.setQueryData<StudentRow[]>(studentKeys.list(courseId), list =>
    // Unchanged when absent, so an optimistic removal's rollback can still tell it is ours.
    list?.some(s => s.userId === userId) ? list.filter(s => s.userId !== userId) : list)
}
