// The account page's writes. All wait for the server (an email may be taken, a password may be
// wrong) and fail at once when offline (networkMode 'always'): the form keeps what was typed and
// says nothing was saved, rather than holding a password in a queue.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { User } from '#auth-utils'
import type { ChangePasswordInput, UpdateAccountInput } from '#shared/schemas/account'
import type { TwoStepConfirmInput, TwoStepPasswordInput } from '#shared/schemas/two-step'
import type { RecoveryCodes, TwoStepSetup, TwoStepStatus } from '#shared/types/two-step'
import { ApiRequestError, errorMessage, useApi } from '../../api/api-client'
import { sessionKeys } from '../session/keys'
import { accountKeys } from './keys'

/** Field refusals show under their inputs; anything else is a toast. */
const toastUnlessFieldError = (what: string) => (error: Error) => {
  if (!(error instanceof ApiRequestError && error.fields)) toast.error(`${what}: ${errorMessage(error)}`)
}

export function useUpdateAccountMutation() {
  const api = useApi()
  const client = useQueryClient()
  const session = useUserSession()
  return useMutation({
    networkMode: 'always',
    retry: false, // at once, as above: not after the line's retries
    mutationFn: (input: UpdateAccountInput) => api<{ user: User }>('/api/account', { method: 'PATCH', body: input }),
    onSuccess: async ({ user }) => {
      client.setQueryData(accountKeys.detail(), user)
      toast.success('Your account was saved')
      // The header shows the name from the session, which reads the account afresh.
      await session.fetch()
    },
    onError: toastUnlessFieldError('Your account was not saved'),
  })
}

export function useChangePasswordMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    networkMode: 'always',
    mutationFn: (input: ChangePasswordInput) => api<{ signedOutSessions: number }>('/api/account/password', { method: 'POST', body: input }),
    onSuccess: ({ signedOutSessions }) => {
      toast.success(signedOutSessions
        ? `Password changed. ${signedOutSessions === 1 ? 'One other device was' : `${signedOutSessions} other devices were`} signed out.`
        : 'Password changed')
    },
    onError: toastUnlessFieldError('Your password was not changed'),
    onSettled: () => client.invalidateQueries({ queryKey: sessionKeys.list() }),
  })
}

/** A new secret to scan (nothing changes at sign-in until it is confirmed). */
export function useStartTwoStepMutation() {
  const api = useApi()
  return useMutation({
    networkMode: 'always',
    retry: false,
    mutationFn: () => api<TwoStepSetup>('/api/account/two-step/setup', { method: 'POST' }),
    onError: error => toast.error(`Two-step verification could not be set up: ${errorMessage(error)}`),
  })
}

export function useConfirmTwoStepMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    networkMode: 'always',
    retry: false,
    mutationFn: (input: TwoStepConfirmInput) => api<RecoveryCodes>('/api/account/two-step/confirm', { method: 'POST', body: input }),
    onSuccess: () => toast.success('Two-step verification is on'),
    onError: toastUnlessFieldError('Two-step verification was not turned on'),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.twoStep() }),
  })
}

export function useTurnOffTwoStepMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    networkMode: 'always',
    retry: false,
    mutationFn: (input: TwoStepPasswordInput) => api<TwoStepStatus>('/api/account/two-step/turn-off', { method: 'POST', body: input }),
    onSuccess: (status) => {
      client.setQueryData(accountKeys.twoStep(), status)
      toast.success('Two-step verification is off')
    },
    onError: toastUnlessFieldError('Two-step verification is still on'),
  })
}

export function useNewRecoveryCodesMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    networkMode: 'always',
    retry: false,
    mutationFn: (input: TwoStepPasswordInput) => api<RecoveryCodes>('/api/account/two-step/recovery-codes', { method: 'POST', body: input }),
    onError: toastUnlessFieldError('No new recovery codes were made'),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.twoStep() }),
  })
}
