export default defineApiHandler(async (event) => {
  return { user: await requireUser(event) }
})
