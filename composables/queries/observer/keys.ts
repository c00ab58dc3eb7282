// Query keys for observers: the observers an instructor linked (or invited) to each of their students, and who
// (besides the pair) may read each message.
export const observerKeys = {
  all: ['observers'] as const,
  lists: () => [...observerKeys.all, 'list'] as const,
  list: (studentId: string) => [...observerKeys.lists(), studentId] as const,
  /** Under the student's list, so whatever refreshes the observers refreshes the invitations too. */
  invitations: (studentId: string) => [...observerKeys.list(studentId), 'invitations'] as const,
  visibilities: () => [...observerKeys.all, 'visibility'] as const,
  visibility: (messageId: string) => [...observerKeys.visibilities(), messageId] as const,
}
