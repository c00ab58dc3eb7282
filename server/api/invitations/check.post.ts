// POST /api/invitations/check { token } — who invited whom, if the invitation link still works.
import { InvitationTokenInput } from '#shared/schemas/invitation'
import { checkInvitation } from '../../services/invitation/check-invitation'

export default defineApiHandler(async (event) => {
  const { token } = await readInput(event, InvitationTokenInput)
  return checkInvitation({ token })
})
