import { listSessions } from '../../../services/session/list-sessions'

export default defineApiHandler(async (event) => {
  const { user, sessionId } = await requireSession(event)
  return { sessions: await listSessions({ userId: user.id, currentSessionId: sessionId }) }
})
