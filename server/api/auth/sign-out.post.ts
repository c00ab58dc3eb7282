export default defineApiHandler(async (event) => {
  await requireSession(event)
  // Clearing deletes the session's row and closes its sockets on every instance (server/plugins/session-check.ts).
  await clearUserSession(event)
  return { signedOut: true }
})
