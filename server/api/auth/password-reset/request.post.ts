// POST /api/auth/password-reset/request { email } — mails a reset link if an account uses the
// email. The answer is the same whether or not one does.
import { RequestPasswordResetInput } from '#shared/schemas/password-reset'
import { siteLink } from '../../../mail/links'
import { clientAddress } from '../../../limits/client-address'
import { enforceLimit } from '../../../limits/enforce-limit'
import { requestPasswordReset } from '../../../services/password-reset/request-password-reset'

export default defineApiHandler(async (event) => {
  const { email } = await readInput(event, RequestPasswordResetInput)
  // Per address, not per email: the refusal must not depend on whether the account exists.
  await enforceLimit('passwordReset', clientAddress(event), 'Too many reset requests from your network')
  await requestPasswordReset({ email, linkFor: token => siteLink(event, '/reset-password', { token }) })
  setResponseStatus(event, 202)
  return { message: 'If an account uses that email, we sent a link to choose a new password. It works for a short while.' }
})
