// The observer: a typed event bus between the socket and everything that reacts to it. The socket
// client only emits here; cache updaters (and the connection indicator) only listen here. Neither
// side knows the other, which is what keeps socket code out of the cache and vice versa.
import mitt from 'mitt'
import type { Emitter } from 'mitt'
import type { RealtimeEventOf, RealtimeEventType } from '#shared/realtime/events'

export type SocketStatus
  = | 'idle' // not started (signed out, or on the server)
    | 'connecting' // first connection attempt
    | 'open' // connected and subscribed: live
    | 'reconnecting' // lost, retrying with back-off: live updates paused
    | 'ended' // the server ended this session's socket (signed out): no retry

export type ObserverEvents = { [K in RealtimeEventType]: RealtimeEventOf<K> } & {
  'socket:status': { status: SocketStatus }
  /** Connected again after an outage: whatever is shown may be stale. */
  'socket:resync': { downForMs: number }
  /** The server unsubscribed us (the course was deleted, access was lost). */
  'channel:dropped': { channel: string, reason: 'deleted' | 'access-lost' }
  /**
   * The server confirmed a subscription after an event on the channel: data of the channel received
   * before `staleBefore` (ms since the epoch, this browser's clock) may not show it.
   */
  'channel:subscribed': { channel: string, staleBefore: number }
  /** The server refused a subscription. */
  'channel:refused': { channel: string, message: string }
  /** This tab created an upload (the resumable upload client reports through the observer too). */
  'upload:created': { courseId: string, chapterId: string, lessonId: string, operationId: string }
  /** The server refused this tab's upload and removed the lesson made for it (lessonId '' when none was). */
  'upload:refused': { courseId: string, lessonId: string }
  /** This tab created an attachment upload (or finished one while the socket was down: attachmentId ''). */
  'attachment:created': { conversationId: string, attachmentId: string, operationId: string }
  /** This tab created a library upload (or finished one while the socket was down: mediaId ''). */
  'media:created': { mediaId: string, operationId: string }
}

export type RealtimeObserver = Emitter<ObserverEvents>

export function createRealtimeObserver(): RealtimeObserver {
  return mitt<ObserverEvents>()
}
