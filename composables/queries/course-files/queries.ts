// The Vue Query layer's read for a course's Files tab: the library files used in the course, by
// place (its outline's places and the course's own).
import { useQuery } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { CourseFileEntry } from '#shared/types/media'
import { useApi } from '../../api/api-client'
import { courseFileKeys } from './keys'

export function useCourseFilesQuery(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const query = useQuery({
    queryKey: computed(() => courseFileKeys.list(toValue(courseId))),
    queryFn: () => api<CourseFileEntry[]>(`/api/courses/${encodeURIComponent(toValue(courseId))}/files`),
  })
  onServerPrefetch(async () => {
    await query.suspense().catch(() => {})
  })
  return query
}
