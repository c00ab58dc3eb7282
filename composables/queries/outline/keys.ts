// Query keys for a course's outline. chapterKeys.list(courseId) holds the chapters with their
// lessons (what the editor draws); videoKeys.list(chapterId) holds one chapter's lessons (for
// views of a single chapter: uploads, media linking). Events update both ("dual cache update").
export const chapterKeys = {
  all: ['chapters'] as const,
  lists: () => [...chapterKeys.all, 'list'] as const,
  list: (courseId: string) => [...chapterKeys.lists(), courseId] as const,
}

export const videoKeys = {
  all: ['videos'] as const,
  lists: () => [...videoKeys.all, 'list'] as const,
  list: (chapterId: string) => [...videoKeys.lists(), chapterId] as const,
}
