// The Vue Query layer's reads for a student's learning: "My learning" and one course's watch page.
import type { MaybeRefOrGetter } from 'vue'
import type { LearnCourse, MyLearningItem } from '#shared/types/learning'
import { useApi } from '../../api/api-client'
import { useSsrQuery } from '../ssr-query'
import { learningKeys } from './keys'

export function useMyLearningQuery() {
  const api = useApi()
  return useSsrQuery({ queryKey: learningKeys.mine(), queryFn: () => api<MyLearningItem[]>('/api/learn') })
}

export function useLearnCourseQuery(slug: MaybeRefOrGetter<string>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => learningKeys.course(toValue(slug))),
    queryFn: () => api<LearnCourse>(`/api/learn/${encodeURIComponent(toValue(slug))}`),
  })
}
