// Is this reset link still good? Asked in the browser only (the token stays out of the rendered
// page), and never retried: a refusal (used, expired, unknown) is the answer, not a glitch.
import { useQuery } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import { ApiRequestError, useApi } from '../../api/api-client'
import { passwordResetKeys } from './keys'

export function usePasswordResetCheckQuery(token: MaybeRefOrGetter<string>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => passwordResetKeys.check(toValue(token))),
    queryFn: () => api<{ email: string, expiresAt: string }>('/api/auth/password-reset/check', { method: 'POST', body: { token: toValue(token) } }),
    enabled: computed(() => !!toValue(token)),
    retry: (count, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && count < 2,
    staleTime: Infinity,
  })
}
