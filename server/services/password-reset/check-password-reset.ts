// Before the "choose a new password" form: is this link still good, and for which email (shown so
// the person knows which account they are resetting; they have the mail, so it tells them nothing new).
import { findUsableReset } from './usable-reset'

export async function checkPasswordReset({ token }: { token: string }): Promise<{ email: string, expiresAt: string }> {
  const reset = await findUsableReset(token)
  return { email: reset.user.email, expiresAt: reset.expiresAt.toISOString() }
}
