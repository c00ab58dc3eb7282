// The account page's writes. Both wait for the server (an email may be taken, a password may be
// wrong) and fail at once when offline (networkMode 'always'): the form keeps what was typed and
// says nothing was saved, rather than holding a password in a queue.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { User } from '#auth-utils'
import type { ChangePasswordInput, UpdateAccountInput } from '#shared/schemas/account'
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
