import type { Ref } from 'vue'
import type { RealtimeObserver, SocketStatus } from './observer'

/** What the realtime plugin provides as `$realtime` (typed here to keep plugin types acyclic). */
export interface RealtimeApi {
  status: Readonly<Ref<SocketStatus>>
  retain: (channel: string) => () => void
  /** Tells the other participant of a conversation that this user is typing (if the socket is up). */
  signalTyping: (conversationId: string) => boolean
  observer: RealtimeObserver
}
