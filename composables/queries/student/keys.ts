// Query keys for an instructor's students of one course (the course's Students tab).
export const studentKeys = {
  all: ['students'] as const,
  lists: () => [...studentKeys.all, 'list'] as const,
  list: (courseId: string) => [...studentKeys.lists(), courseId] as const,
}
