// POST /api/invitations/accept { token, name, password } — makes the observer account, links it,
// and signs it in (a new session, as sign-in does).
import { AcceptInvitationInput } from '#shared/schemas/invitation'
import { acceptInvitation } from '../../services/invitation/accept-invitation'
import { clientAddress } from '../../limits/client-address'
import { enforceLimit } from '../../limits/enforce-limit'
import { rememberDevice } from '../../utils/device-cookie'

export default defineApiHandler(async (event) => {
  const input = await readInput(event, AcceptInvitationInput)
  // It makes an account, as sign-up does: the same limit per address.
  await enforceLimit('signUp', clientAddress(event), 'Too many new accounts from your network')
  const { user, conversationId } = await acceptInvitation(input)
  const observer = { ...user, role: 'OBSERVER' as const }
  await startSession(event, observer)
  rememberDevice(event, user.id)
  setResponseStatus(event, 201)
  return { user: observer, conversationId }
})
