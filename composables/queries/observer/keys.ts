// Query keys for observers: the observers an instructor linked to each of their students, and who
// (besides the pair) may read each message.
export const observerKeys = {
  all: ['observers'] as const,
  lists: () => [...observerKeys.all, 'list'] as const,
  list: (studentId: string) => [...observerKeys.lists(), studentId] as const,
  visibilities: () => [...observerKeys.all, 'visibility'] as const,
  visibility: (messageId: string) => [...observerKeys.visibilities(), messageId] as const,
}
