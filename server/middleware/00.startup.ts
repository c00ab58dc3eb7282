export default defineEventHandler(async () => {
  await startupWork()
})
