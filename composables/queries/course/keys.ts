// Query keys for courses (TkDodo's "effective query keys"): every key starts with 'courses', so
// invalidating courseKeys.all refreshes everything course-shaped.
export const courseKeys = {
  all: ['courses'] as const,
  lists: () => [...courseKeys.all, 'list'] as const,
  /** The signed-in instructor's live courses. */
  list: () => [...courseKeys.lists(), 'mine'] as const,
  /** "Recently deleted". */
  deleted: () => [...courseKeys.lists(), 'deleted'] as const,
  details: () => [...courseKeys.all, 'detail'] as const,
  detail: (id: string) => [...courseKeys.details(), id] as const,
}
