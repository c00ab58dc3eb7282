// Signing devices out from the account page. Another device goes from the list at once and comes
// back with a toast if the server refuses (offline: nothing was signed out, say so). Signing this
// device out ends here: the browser's session is cleared and the page leaves for sign-in.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { SessionRow } from '#shared/types/session'
import { ApiRequestError, errorMessage, useApi } from '../../api/api-client'
import { rollback, writeCache } from '../optimistic'
import type { Snapshot } from '../optimistic'
import { sessionKeys } from './keys'

export function useSignOutDeviceMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    networkMode: 'always',
    retry: false, // offline, it says at once that nothing was signed out
    mutationFn: (session: Pick<SessionRow, 'id' | 'deviceLabel'>) =>
      api<{ signedOut: true }>(`/api/account/sessions/${encodeURIComponent(session.id)}`, { method: 'DELETE' }),
    onMutate: async (session) => {
      await client.cancelQueries({ queryKey: sessionKeys.list() })
      const snapshot: Snapshot = { entries: [] }
      writeCache<SessionRow[]>(client, snapshot, sessionKeys.list(), list => list?.filter(s => s.id !== session.id))
      return { snapshot }
    },
    onSuccess: (_answer, session) => toast.success(`${session.deviceLabel} was signed out`),
    onError: (error, session, context) => {
      // Already signed out (elsewhere, or it expired): what the user wanted is done.
      if (error instanceof ApiRequestError && error.status === 404) return
      rollback(client, context?.snapshot)
      toast.error(`${session.deviceLabel} was not signed out: ${errorMessage(error)}`)
    },
    onSettled: () => client.invalidateQueries({ queryKey: sessionKeys.list() }),
  })
}

export function useSignOutEverywhereMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    networkMode: 'always',
    mutationFn: ({ keepCurrent }: { keepCurrent: boolean }) =>
      api<{ signedOut: number }>('/api/account/sessions/sign-out-all', { method: 'POST', body: { keepCurrent } }),
    onSuccess: ({ signedOut }, { keepCurrent }) => {
      if (keepCurrent) toast.success(signedOut ? `Signed out ${signedOut === 1 ? 'one other device' : `${signedOut} other devices`}` : 'No other device was signed in')
    },
    onError: error => toast.error(`Nothing was signed out: ${errorMessage(error)}`),
    onSettled: (_answer, _error, { keepCurrent }) => {
      if (keepCurrent) return client.invalidateQueries({ queryKey: sessionKeys.list() })
    },
  })
}
