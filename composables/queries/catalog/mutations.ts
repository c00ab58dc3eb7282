// Self-enrolment from a course's public page: the page's own data is refetched (every lesson
// becomes playable) and "My learning" with it.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { AccessRequestResult, CourseOverview } from '#shared/types/catalog'
import { errorMessage, useApi } from '../../api/api-client'
import { conversationKeys } from '../conversation/keys'
import { learningKeys } from '../learning/keys'
import { catalogKeys } from './keys'
import { idempotencyKeyFor } from '../idempotency'

export function useEnrolMutation(slug: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (_: void, attempt) => api<{ enrolledAt: string }>(`/api/catalog/${encodeURIComponent(toValue(slug))}/enrol`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt) }),
    onSuccess: ({ enrolledAt }) => {
      // Every lesson becomes playable: the page's own data is refetched, not guessed.
      client.setQueryData<CourseOverview>(catalogKeys.overview(toValue(slug)), overview => overview && overview.viewer
        ? { ...overview, viewer: { ...overview.viewer, enrolledAt, canEnrol: false } }
        : overview)
      void client.invalidateQueries({ queryKey: catalogKeys.overview(toValue(slug)) })
      void client.invalidateQueries({ queryKey: learningKeys.all })
    },
    onError: error => toast.error(`Could not enrol: ${errorMessage(error)}`),
  })
}

/** "Request access" to a priced course: the request lands in the conversation with its instructor. */
export function useRequestAccessMutation(slug: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (_: void, attempt) => api<AccessRequestResult>(`/api/catalog/${encodeURIComponent(toValue(slug))}/request-access`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt) }),
    // A first request opens the conversation: the list must show it.
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKeys.list() }),
    onError: error => toast.error(`The request was not sent: ${errorMessage(error)}`),
  })
}
