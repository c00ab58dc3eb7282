// Query keys for conversations: the list, each conversation's stream (an infinite query whose
// first page is the newest and whose later pages go back in time), and who is typing in each
// (filled by socket events only, never fetched).
export const conversationKeys = {
  all: ['conversations'] as const,
  list: () => [...conversationKeys.all, 'list'] as const,
  streams: () => [...conversationKeys.all, 'stream'] as const,
  stream: (conversationId: string) => [...conversationKeys.streams(), conversationId] as const,
  typing: (conversationId: string) => [...conversationKeys.all, 'typing', conversationId] as const,
}
