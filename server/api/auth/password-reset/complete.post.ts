// POST /api/auth/password-reset/complete { token, password } — sets the new password and signs
// out every session of the account; the person then signs in with the new password.
import { ResetPasswordInput } from '#shared/schemas/password-reset'
import { resetPassword } from '../../../services/password-reset/reset-password'

export default defineApiHandler(async (event) => {
  const input = await readInput(event, ResetPasswordInput)
  return resetPassword(input)
})
