// The Vue Query layer for a student's learning: "My learning", one course's watch page, and
// progress reports (the answer is written into the watch page's cache: ticks and percent).
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { ProgressInput } from '#shared/schemas/learning'
import type { LearnCourse, LessonProgressState, MyLearningItem } from '#shared/types/portal'
import { errorMessage, useApi } from '../api/api-client'
import { learnKeys } from './portal-keys'
import { useSsrQuery } from './ssr-query'

export function useMyLearningQuery() {
  const api = useApi()
  return useSsrQuery({ queryKey: learnKeys.mine(), queryFn: () => api<MyLearningItem[]>('/api/learn') })
}

export function useLearnCourseQuery(slug: MaybeRefOrGetter<string>) {
  const api = useApi()
  return useSsrQuery({
    queryKey: computed(() => learnKeys.course(toValue(slug))),
    queryFn: () => api<LearnCourse>(`/api/learn/${encodeURIComponent(toValue(slug))}`),
  })
}

export const progressUrl = (videoId: string) => `/api/learn/lessons/${encodeURIComponent(videoId)}/progress`

/** Writes a progress answer into the watch page's cache. */
export function progressSaved(course: LearnCourse | undefined, state: LessonProgressState): LearnCourse | undefined {
  if (!course) return course
  return {
    ...course,
    percentComplete: state.percentComplete,
    completedAt: state.courseCompletedAt,
    resumeVideoId: state.videoId,
    chapters: course.chapters.map(chapter => ({
      ...chapter,
      lessons: chapter.lessons.map(lesson => lesson.id === state.videoId
        ? { ...lesson, positionSeconds: state.positionSeconds, completed: state.completed }
        : lesson),
    })),
  }
}

export function useProgressMutation(slug: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ videoId, input }: { videoId: string, input: ProgressInput }) =>
      api<LessonProgressState>(progressUrl(videoId), { method: 'POST', body: input }),
    onSuccess: (state) => {
      client.setQueryData<LearnCourse>(learnKeys.course(toValue(slug)), course => progressSaved(course, state))
      // "My learning" shows the new percent and resume point next time it is opened.
      void client.invalidateQueries({ queryKey: learnKeys.mine(), refetchType: 'none' })
    },
    onError: (error, { input }) => {
      // A lost position save is retried by the next one; a lost "mark complete" needs saying.
      if (input.completed !== undefined) toast.error(`Could not update the lesson: ${errorMessage(error)}`)
    },
  })
}
