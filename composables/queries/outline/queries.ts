// The Vue Query layer's reads for a course's outline: its chapters with their lessons, which also
// fill each chapter's own lesson list (the "dual cache").
import { useQuery, useQueryClient } from '@tanstack/vue-query'
import type { QueryClient } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { Chapter } from '#shared/types/outline'
import { useApi } from '../../api/api-client'
import { useSsrQuery } from '../ssr-query'
import { chapterKeys, lessonKeys } from './keys'

function outlineQuery(api: ReturnType<typeof useApi>, client: QueryClient, courseId: MaybeRefOrGetter<string>) {
  return {
    queryKey: computed(() => chapterKeys.list(toValue(courseId))),
    queryFn: async () => {
      const chapters = await api<Chapter[]>(`/api/courses/${encodeURIComponent(toValue(courseId))}/chapters`)
      // One request fills both caches: each chapter's lesson list comes with the outline.
      for (const chapter of chapters) client.setQueryData(lessonKeys.list(chapter.id), chapter.lessons)
      return chapters
    },
  }
}

export function useOutlineQuery(courseId: MaybeRefOrGetter<string>) {
  return useSsrQuery(outlineQuery(useApi(), useQueryClient(), courseId))
}

/** For a picker whose course may not be chosen yet: idle (no request) until it is; client-side only. */
export function useChosenCourseOutlineQuery(courseId: MaybeRefOrGetter<string | undefined>) {
  return useQuery({
    ...outlineQuery(useApi(), useQueryClient(), () => toValue(courseId) ?? ''),
    enabled: computed(() => !!toValue(courseId)),
  })
}
