// How a participant's read position lands in the conversation list, shared by the read event and
// anything else that learns of it: each participant's lastReadAt only moves forward (a late,
// older event never takes a "Seen" back).
import type { QueryClient } from '@tanstack/vue-query'
import type { ConversationSummary } from '#shared/types/messages'
import { conversationKeys } from './message-keys'

export function readStateMoved(client: QueryClient, { conversationId, userId, lastReadAt }: { conversationId: string, userId: string, lastReadAt: string }): void {
  client.setQueryData<ConversationSummary[]>(conversationKeys.list(), list => list?.map((c) => {
    if (c.id !== conversationId || c.readerRole !== 'participant') return c
    const known = c.readState[userId]
    if (known && Date.parse(known) >= Date.parse(lastReadAt)) return c
    return { ...c, readState: { ...c.readState, [userId]: lastReadAt } }
  }))
}
