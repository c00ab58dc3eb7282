// GET /api/presence — { userId: 'online' | 'away' | 'offline' } for the people the caller shares a
// conversation with; live changes then arrive as presence-changed on the caller's user channel.
import { getCounterpartPresence } from '../services/presence/get-counterpart-presence'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  return getCounterpartPresence({ userId: user.id })
})
