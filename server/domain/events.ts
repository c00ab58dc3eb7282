// Things that happened in the learning domain, published by the services after their write has
// committed. Subscribers today: the realtime bridge that keeps the instructor's students page
// live (server/domain/subscribers/). Messaging will turn the same events into activity and
// milestone messages. Subscribers run before the request answers (awaited, failures logged and
// isolated), so a client that sees the answer can rely on the event having gone out.
export interface DomainEvents {
  'enrollment-created': { courseId: string, userId: string, source: 'SELF' | 'INSTRUCTOR', at: Date }
  'enrollment-removed': { courseId: string, userId: string, at: Date }
  'lesson-completed': { courseId: string, userId: string, videoId: string, at: Date }
  'lesson-uncompleted': { courseId: string, userId: string, videoId: string, at: Date }
  'course-completed': { courseId: string, userId: string, at: Date }
}
export type DomainEventType = keyof DomainEvents
export type DomainEvent = { [K in DomainEventType]: { type: K } & DomainEvents[K] }[DomainEventType]

type Subscriber = (event: DomainEvent) => Promise<void> | void
const subscribers = new Set<Subscriber>()

/** Registers a subscriber for every domain event; returns the unsubscribe function. */
export function onDomainEvent(subscriber: Subscriber): () => void {
  subscribers.add(subscriber)
  return () => subscribers.delete(subscriber)
}

export async function publishDomainEvent<K extends DomainEventType>(type: K, payload: DomainEvents[K]): Promise<void> {
  const event = { type, ...payload } as DomainEvent
  const results = await Promise.allSettled([...subscribers].map(subscriber => subscriber(event)))
  for (const result of results) {
    if (result.status === 'rejected') console.error(`[domain] a subscriber of ${type} failed:`, result.reason)
  }
}
