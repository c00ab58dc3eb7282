import { SessionIdParams } from '#shared/schemas/account'
import { revokeSession } from '../../../services/session/revoke-session'

// Signs one of your own devices out; this device too (then its cookie is dropped as well).
export default defineApiHandler(async (event) => {
  const { user, sessionId } = await requireSession(event)
  const { id } = readParams(event, SessionIdParams)
  if (!(await revokeSession({ userId: user.id, sessionId: id }))) throw new AppError('NOT_FOUND', 'That device is not signed in')
  if (id === sessionId) await clearUserSession(event)
  return { signedOut: true, current: id === sessionId }
})
