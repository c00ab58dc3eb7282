// Progress reports from the watch page: the answer is written into the watch page's cache (ticks
// and percent); "My learning" catches up the next time it is opened.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { ProgressInput } from '#shared/schemas/learning'
import type { LearnCourse, LessonProgressState } from '#shared/types/learning'
import { errorMessage, useApi } from '../../api/api-client'
import { progressSaved } from './cache'
import { learningKeys } from './keys'

/** Where progress is sent: by the mutation, and by the page-leave beacon. */
export const progressUrl = (lessonId: string) => `/api/learn/lessons/${encodeURIComponent(lessonId)}/progress`

export function useProgressMutation(slug: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ lessonId, input }: { lessonId: string, input: ProgressInput }) =>
      api<LessonProgressState>(progressUrl(lessonId), { method: 'POST', body: input }),
    onSuccess: (state) => {
      client.setQueryData<LearnCourse>(learningKeys.course(toValue(slug)), course => progressSaved(course, state))
      // "My learning" shows the new percent and resume point next time it is opened.
      void client.invalidateQueries({ queryKey: learningKeys.mine(), refetchType: 'none' })
    },
    onError: (error, { input }) => {
      // A lost position save is retried by the next one; a lost "mark complete" needs saying.
      if (input.completed !== undefined) toast.error(`Could not update the lesson: ${errorMessage(error)}`)
    },
  })
}
