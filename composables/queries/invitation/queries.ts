// Who invited whom, if the invitation link still works. Asked in the browser only, never retried
// on a refusal (used, expired, withdrawn, an account exists): that is the answer.
import { useQuery } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { InvitationPreview } from '#shared/types/observer'
import { ApiRequestError, useApi } from '../../api/api-client'
import { invitationKeys } from './keys'

export function useInvitationCheckQuery(token: MaybeRefOrGetter<string>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => invitationKeys.check(toValue(token))),
    queryFn: () => api<InvitationPreview>('/api/invitations/check', { method: 'POST', body: { token: toValue(token) } }),
    enabled: computed(() => !!toValue(token)),
    retry: (count, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && count < 2,
    staleTime: Infinity,
  })
}
