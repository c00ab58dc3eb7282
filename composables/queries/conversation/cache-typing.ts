// Who is typing in a conversation, as the Vue Query cache holds it: user id → name, written by
// typing events. An entry leaves by itself TYPING_EXPIRES_MS after that person's last signal
// (they stopped, closed the tab, lost the connection: no "stopped" event is needed), and at once
// when their message arrives. The timers are the cache's own housekeeping, kept here beside it.
import type { QueryClient } from '@tanstack/vue-query'
import { conversationKeys } from './keys'

export const TYPING_EXPIRES_MS = 5000

/** user id → display name of everyone typing in one conversation right now. */
export type TypingData = Record<string, string>

// Plain timers: socket events set them outside any component, one per person typing.
const timers = new Map<string, ReturnType<typeof setTimeout>>()
const timerKey = (conversationId: string, userId: string) => `${conversationId}|${userId}`

export function typingStopped(client: QueryClient, conversationId: string, userId: string): void {
  const key = timerKey(conversationId, userId)
  clearTimeout(timers.get(key))
  timers.delete(key)
  client.setQueryData<TypingData>(conversationKeys.typing(conversationId), (data) => {
    if (!data || !(userId in data)) return data
    const { [userId]: _gone, ...rest } = data
    return rest
  })
}

export function typingStarted(client: QueryClient, { conversationId, userId, name }: { conversationId: string, userId: string, name: string }): void {
  client.setQueryData<TypingData>(conversationKeys.typing(conversationId), data => (data?.[userId] === name ? data : { ...data, [userId]: name }))
  const key = timerKey(conversationId, userId)
  clearTimeout(timers.get(key))
  timers.set(key, setTimeout(() => typingStopped(client, conversationId, userId), TYPING_EXPIRES_MS))
}
