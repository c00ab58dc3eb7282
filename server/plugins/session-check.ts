// nuxt-auth-utils' own session endpoints follow Lectern's session rows too:
// - GET /api/_auth/session (what server rendering and useUserSession read) answers only for a live
//   session, with the user as the database has it now (a new name shows at once), else 401, so
//   pages treat a revoked cookie as signed out;
// - clearing the session (sign-out, DELETE /api/_auth/session) deletes its row and ends its sockets.
import { currentSession } from '../utils/auth'
import { revokeSession } from '../services/session/revoke-session'

export default defineNitroPlugin(() => {
  sessionHooks.hook('fetch', async (session, event) => {
    const signedIn = await currentSession(event)
    if (!signedIn) throw createError({ statusCode: 401, message: 'Your session has ended; sign in again' })
    session.user = signedIn.user
  })

  sessionHooks.hook('clear', async (session) => {
    const sessionId = session.secure?.sessionId
    const userId = session.user?.id
    if (sessionId && userId) await revokeSession({ userId, sessionId })
  })
})
