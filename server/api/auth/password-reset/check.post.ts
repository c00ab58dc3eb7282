// POST /api/auth/password-reset/check { token } — is this reset link still good (and for which email)?
// The token travels in the body, as for completing the reset.
import { PasswordResetTokenInput } from '#shared/schemas/password-reset'
import { checkPasswordReset } from '../../../services/password-reset/check-password-reset'

export default defineApiHandler(async (event) => {
  const { token } = await readInput(event, PasswordResetTokenInput)
  return checkPasswordReset({ token })
})
