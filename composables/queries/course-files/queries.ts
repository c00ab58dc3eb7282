// The Vue Query layer's read for a course's Files tab: the library files used in the course, by
// place (its outline's places and the course's own).
import type { MaybeRefOrGetter } from 'vue'
import type { CourseFileEntry } from '#shared/types/media'
import { useApi } from '../../api/api-client'
import { useSsrQuery } from '../ssr-query'
import { courseFileKeys } from './keys'

export function useCourseFilesQuery(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => courseFileKeys.list(toValue(courseId))),
    queryFn: () => api<CourseFileEntry[]>(`/api/courses/${encodeURIComponent(toValue(courseId))}/files`),
  })
}
