// GET /api/presence — { userId: 'online' | 'away' | 'offline' } for the people the caller shares a
// conversation with; live changes then arrive as presence-changed on the caller's user channel.
import { counterpartPresence } from '../services/presence/counterpart-presence'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  return counterpartPresence({ userId: user.id })
})
