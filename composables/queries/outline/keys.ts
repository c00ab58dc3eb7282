// Query keys for a course's outline. chapterKeys.list(courseId) holds the chapters with their
// lessons (what the editor draws); lessonKeys.list(chapterId) holds one chapter's lessons (for
// views of a single chapter: uploads, media linking). Events update both ("dual cache update").
export const chapterKeys = {
  all: ['chapters'] as const,
  lists: () => [...chapterKeys.all, 'list'] as const,
  list: (courseId: string) => [...chapterKeys.lists(), courseId] as const,
}

export const lessonKeys = {
  all: ['lessons'] as const,
  lists: () => [...lessonKeys.all, 'list'] as const,
  list: (chapterId: string) => [...lessonKeys.lists(), chapterId] as const,
}
