import { SignOutAllInput } from '#shared/schemas/account'
import { revokeUserSessions } from '../../../services/session/revoke-sessions'

export default defineApiHandler(async (event) => {
  const { user, sessionId } = await requireSession(event)
  const { keepCurrent } = await readInput(event, SignOutAllInput)
  const signedOut = await revokeUserSessions(user.id, keepCurrent ? { exceptSessionId: sessionId } : {})
  if (!keepCurrent) await clearUserSession(event)
  return { signedOut }
})
