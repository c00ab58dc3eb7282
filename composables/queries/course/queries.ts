// The Vue Query layer's reads for courses in the studio: the instructor's live courses, "Recently
// deleted", and one course. Rendered on the server (the HTML holds them; the client hydrates).
import type { MaybeRefOrGetter } from 'vue'
import type { Course, DeletedCourse } from '#shared/types/course'
import { useApi } from '../../api/api-client'
import { useSsrQuery } from '../ssr-query'
import { courseKeys } from './keys'

export function useCoursesQuery() {
  const api = useApi()
  return useSsrQuery({
    queryKey: courseKeys.list(),
    queryFn: () => api<Course[]>('/api/courses'),
  })
}

export function useDeletedCoursesQuery() {
  const api = useApi()
  return useSsrQuery({
    queryKey: courseKeys.deleted(),
    queryFn: () => api<DeletedCourse[]>('/api/courses/deleted'),
  })
}

export function useCourseQuery(id: MaybeRefOrGetter<string>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => courseKeys.detail(toValue(id))),
    queryFn: () => api<Course>(`/api/courses/${encodeURIComponent(toValue(id))}`),
  })
}
