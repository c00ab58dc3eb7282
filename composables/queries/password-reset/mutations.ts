// Asking for a reset link and setting the new password. Neither is queued while offline: the
// pages say the request did not go and keep what was typed, so pressing the button again works.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import type { RequestPasswordResetInput, ResetPasswordInput } from '#shared/schemas/password-reset'
import { useApi } from '../../api/api-client'
import { passwordResetKeys } from './keys'

export function useRequestPasswordResetMutation() {
  const api = useApi()
  return useMutation({
    mutationFn: (input: RequestPasswordResetInput) => api<{ message: string }>('/api/auth/password-reset/request', { method: 'POST', body: input }),
    networkMode: 'always',
  })
}

export function useResetPasswordMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ResetPasswordInput) => api<{ email: string }>('/api/auth/password-reset/complete', { method: 'POST', body: input }),
    networkMode: 'always',
    // The link is used up: its cached "still good" must not show the form again.
    onSuccess: (_answer, { token }) => client.removeQueries({ queryKey: passwordResetKeys.check(token) }),
  })
}
