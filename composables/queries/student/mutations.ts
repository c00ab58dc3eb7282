// The Vue Query layer's writes for a course's students. Adding waits for the server (only it knows
// the student's name); removing is optimistic and rolls back with a toast.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { AddStudentInput } from '#shared/schemas/learning'
import type { StudentRow } from '#shared/types/student'
import { ApiRequestError, errorMessage, useApi } from '../../api/api-client'
import { rollback, writeCache } from '../optimistic'
import type { Snapshot } from '../optimistic'
import { studentRemoved, studentSaved } from './cache'
import { studentKeys } from './keys'
import { studentsPath } from './queries'
import { idempotencyKeyFor } from '../idempotency'

export function useAddStudentMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: AddStudentInput, attempt) => api<StudentRow>(studentsPath(toValue(courseId)), { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
    onSuccess: (student) => {
      studentSaved(client, toValue(courseId), student)
      toast.success(`${student.name} can now take this course`)
    },
    onError: (error) => {
      // Refusals about the email (unknown, already enrolled, yourself) show under the input.
      if (!(error instanceof ApiRequestError && error.fields)) toast.error(`The student was not added: ${errorMessage(error)}`)
    },
    onSettled: () => client.invalidateQueries({ queryKey: studentKeys.list(toValue(courseId)) }),
  })
}

export function useRemoveStudentMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (student: Pick<StudentRow, 'userId' | 'name'>, attempt) =>
      api<{ userId: string }>(`${studentsPath(toValue(courseId))}/${encodeURIComponent(student.userId)}`, { method: 'DELETE', idempotencyKey: idempotencyKeyFor(attempt) }),
    onMutate: async (student) => {
      const key = studentKeys.list(toValue(courseId))
      await client.cancelQueries({ queryKey: key })
      const snapshot: Snapshot = { entries: [] }
      writeCache<StudentRow[]>(client, snapshot, key, list => list?.filter(s => s.userId !== student.userId))
      return { snapshot }
    },
    onSuccess: (_answer, student) => {
      studentRemoved(client, toValue(courseId), student.userId)
      toast.success(`${student.name} was removed from the course`)
    },
    onError: (error, student, context) => {
      // Already removed elsewhere (another tab): what the user wanted is done.
      if (error instanceof ApiRequestError && error.status === 404) return studentRemoved(client, toValue(courseId), student.userId)
      rollback(client, context?.snapshot)
      toast.error(`${student.name} was not removed: ${errorMessage(error)}`)
    },
    onSettled: () => client.invalidateQueries({ queryKey: studentKeys.list(toValue(courseId)) }),
  })
}
