// The instructor's writes on invitations: cancelling is optimistic (the row goes at once, back
// with a toast if the server refuses); resending waits for the server (the new expiry is its).
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { InvitationRow } from '#shared/types/observer'
import { errorMessage, useApi } from '../../api/api-client'
import { rollback, writeCache } from '../optimistic'
import type { Snapshot } from '../optimistic'
import { invitationsPath } from './queries'
import { observerKeys } from './keys'

const invitationPath = (studentId: string, invitationId: string) => `${invitationsPath(studentId)}/${encodeURIComponent(invitationId)}`

export function useCancelInvitationMutation(studentId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (invitation: Pick<InvitationRow, 'id' | 'email'>) =>
      api<{ cancelled: true }>(invitationPath(toValue(studentId), invitation.id), { method: 'DELETE' }),
    onMutate: async (invitation) => {
      const key = observerKeys.invitations(toValue(studentId))
      await client.cancelQueries({ queryKey: key })
      const snapshot: Snapshot = { entries: [] }
      writeCache<InvitationRow[]>(client, snapshot, key, rows => rows?.filter(r => r.id !== invitation.id))
      return { snapshot }
    },
    onSuccess: (_answer, invitation) => toast.success(`The invitation to ${invitation.email} was withdrawn; its link no longer works`),
    onError: (error, invitation, context) => {
      rollback(client, context?.snapshot)
      toast.error(`The invitation to ${invitation.email} was not withdrawn: ${errorMessage(error)}`)
    },
    onSettled: () => client.invalidateQueries({ queryKey: observerKeys.invitations(toValue(studentId)) }),
  })
}

export function useResendInvitationMutation(studentId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (invitation: Pick<InvitationRow, 'id' | 'email'>) =>
      api<InvitationRow>(`${invitationPath(toValue(studentId), invitation.id)}/resend`, { method: 'POST' }),
    onSuccess: (row) => {
      client.setQueryData<InvitationRow[]>(observerKeys.invitations(toValue(studentId)), rows => rows?.map(r => (r.id === row.id ? row : r)))
      toast.success(`We mailed ${row.email} a new link; the previous one no longer works`)
    },
    onError: (error, invitation) => toast.error(`The invitation to ${invitation.email} was not sent again: ${errorMessage(error)}`),
    onSettled: () => client.invalidateQueries({ queryKey: observerKeys.invitations(toValue(studentId)) }),
  })
}
