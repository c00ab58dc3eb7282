import { endSessionSockets } from '../../realtime/broadcast'

export default defineApiHandler(async (event) => {
  await requireUser(event)
  const session = await getUserSession(event)
  await clearUserSession(event)
  // This session's live sockets close too, on every instance.
  if (session.id) await endSessionSockets(session.id)
  return { signedOut: true }
})
