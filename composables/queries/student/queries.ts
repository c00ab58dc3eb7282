// The Vue Query layer's read for a course's students (the instructor's Students tab), rendered on
// the server; live changes from elsewhere arrive through the realtime cache updaters.
import type { MaybeRefOrGetter } from 'vue'
import type { StudentRow } from '#shared/types/student'
import { useApi } from '../../api/api-client'
import { useSsrQuery } from '../ssr-query'
import { studentKeys } from './keys'

/** The course's students: listed here, added and removed under it (mutations.ts). */
export const studentsPath = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/students`

export function useStudentsQuery(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => studentKeys.list(toValue(courseId))),
    queryFn: () => api<StudentRow[]>(studentsPath(toValue(courseId))),
  })
}
