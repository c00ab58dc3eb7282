export default defineApiHandler(async (event) => {
  await requireUser(event)
  await clearUserSession(event)
  return { signedOut: true }
})
