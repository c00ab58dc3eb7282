// Starts the realtime bus with the server (so a Redis subscription is live before the first
// socket) and presence with it; on shutdown, presence first (its users are announced offline
// through the bus), then the bus.
import { closeBus, useBus } from '../realtime/bus'
import { startPresence, stopPresence } from '../realtime/presence'

export default defineNitroPlugin((nitroApp) => {
  const bus = useBus()
  console.info(`[lectern] realtime: ${bus.kind} pub/sub, ${startPresence()} presence`)
  nitroApp.hooks.hook('close', async () => {
    await stopPresence()
    await closeBus()
  })
})
