// Accepting an invitation: the new observer account is signed in (the session cookie comes with
// the answer), so the session is refreshed and nothing cached for anyone before may show.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import type { AcceptInvitationInput } from '#shared/schemas/invitation'
import type { AcceptedInvitation } from '#shared/types/observer'
import { useApi } from '../../api/api-client'

export function useAcceptInvitationMutation() {
  const api = useApi()
  const session = useUserSession()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) => api<AcceptedInvitation>('/api/invitations/accept', { method: 'POST', body: input }),
    networkMode: 'always',
    onSuccess: async () => {
      client.clear()
      await session.fetch()
    },
  })
}
