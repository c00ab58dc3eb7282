// Query keys for conversations: the list, each conversation's stream, and who is typing in each
// (filled by socket events only, never fetched). A stream is an infinite query over a window of
// the conversation: the latest window starts at the newest message and pages back in time; a
// window around a day ("jump to date") pages both ways. `stream(id)` is the prefix of every
// window of one conversation, so a new message can be offered to all of them.
export const conversationKeys = {
  all: ['conversations'] as const,
  list: () => [...conversationKeys.all, 'list'] as const,
  streams: () => [...conversationKeys.all, 'stream'] as const,
  stream: (conversationId: string) => [...conversationKeys.streams(), conversationId] as const,
  streamLatest: (conversationId: string) => [...conversationKeys.stream(conversationId), 'latest'] as const,
  streamAround: (conversationId: string, day: string) => [...conversationKeys.stream(conversationId), 'around', day] as const,
  typing: (conversationId: string) => [...conversationKeys.all, 'typing', conversationId] as const,
  /** Mutation key of the outbox: my messages on their way to the server, per conversation. */
  outbox: () => [...conversationKeys.all, 'outbox'] as const,
  outboxOf: (conversationId: string) => [...conversationKeys.outbox(), conversationId] as const,
  /** My files uploaded into a conversation and not sent yet (the composer's attachments). */
  unsentAttachments: (conversationId: string) => [...conversationKeys.all, 'unsent-attachments', conversationId] as const,
}
