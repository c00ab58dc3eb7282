// What pages and components use of the realtime path: the connection status (for the
// indicator) and channel subscriptions tied to a component's lifetime. Neither touches the socket
// directly.
import type { SocketStatus } from './observer'
import type { RealtimeApi } from './realtime-api'
import { createTypingSignal } from './typing-signal'

const realtime = () => useNuxtApp().$realtime as RealtimeApi

export function useRealtimeStatus(): Readonly<Ref<SocketStatus>> {
  if (import.meta.server) return ref<SocketStatus>('idle')
  return realtime().status
}

/** Subscribes to a channel while the calling component is mounted (and the getter is non-null). */
export function useRealtimeChannel(channel: () => string | null | undefined): void {
  if (import.meta.server) return
  const $realtime = realtime()
  let release: (() => void) | undefined
  onMounted(() => {
    watch(channel, (name) => {
      release?.()
      release = name ? $realtime.retain(name) : undefined
    }, { immediate: true })
  })
  onBeforeUnmount(() => release?.())
}

/** A throttled "I am typing" for a conversation: call it on every keystroke. */
export function useTypingSignal(conversationId: () => string): () => void {
  if (import.meta.server) return () => {}
  const $realtime = realtime()
  return createTypingSignal(() => $realtime.signalTyping(conversationId()))
}
