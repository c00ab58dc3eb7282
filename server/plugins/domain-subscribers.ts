// Wires the learning domain's events to their subscribers for the server's lifetime
// (server/domain/events.ts: services publish, subscribers react).
import { onDomainEvent } from '../domain/events'
import { keepStudentsLive } from '../domain/subscribers/students-live'
import { writeConversationActivity } from '../domain/subscribers/conversation-activity'

export default defineNitroPlugin((nitroApp) => {
  const unsubscribers = [onDomainEvent(keepStudentsLive), onDomainEvent(writeConversationActivity)]
  nitroApp.hooks.hook('close', () => unsubscribers.forEach(unsubscribe => unsubscribe()))
})
