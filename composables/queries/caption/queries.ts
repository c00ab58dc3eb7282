// The Vue Query layer's reads for captions: a lesson's list (the studio) and a transcript (the player).
import { useQuery } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { CaptionTranscript, LessonCaption } from '#shared/types/caption'
import { useApi } from '../../api/api-client'
import { captionKeys } from './keys'

export function useCaptionsQuery(lessonId: MaybeRefOrGetter<string>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => captionKeys.list(toValue(lessonId))),
    queryFn: () => api<LessonCaption[]>(`/api/lessons/${encodeURIComponent(toValue(lessonId))}/captions`),
  })
}

/** Cues change only when the instructor replaces the file: no refetch on focus or on a timer. */
export function useCaptionTranscriptQuery(lessonId: MaybeRefOrGetter<string>, captionId: MaybeRefOrGetter<string | null>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => captionKeys.transcript(toValue(lessonId), toValue(captionId) ?? '')),
    queryFn: () => api<CaptionTranscript>(`/api/lessons/${encodeURIComponent(toValue(lessonId))}/captions/${encodeURIComponent(toValue(captionId)!)}`),
    enabled: computed(() => !!toValue(captionId)),
    staleTime: 5 * 60_000,
    refetchInterval: false,
    refetchOnWindowFocus: false,
  })
}
