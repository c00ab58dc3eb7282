// Wires the learning domain's events to their subscribers for the server's lifetime
// (server/domain/events.ts: services publish, subscribers react).
import { onDomainEvent } from '../domain/events'
import { keepStudentsLive } from '../domain/subscribers/students-live'

export default defineNitroPlugin((nitroApp) => {
  const unsubscribe = onDomainEvent(keepStudentsLive)
  nitroApp.hooks.hook('close', () => unsubscribe())
})
