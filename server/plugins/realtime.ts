// Starts the realtime bus with the server (so a Redis subscription is live before the first
// socket) and closes it on shutdown.
import { closeBus, useBus } from '../realtime/bus'

export default defineNitroPlugin((nitroApp) => {
  const bus = useBus()
  console.info(`[lectern] realtime: ${bus.kind} pub/sub`)
  nitroApp.hooks.hook('close', () => closeBus())
})
