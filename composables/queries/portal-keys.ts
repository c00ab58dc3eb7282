// Query keys for the student portal and the instructor's view of students.
import type { CatalogQuery } from '#shared/schemas/catalog'

export const catalogKeys = {
  all: ['catalog'] as const,
  pages: () => [...catalogKeys.all, 'page'] as const,
  page: (query: CatalogQuery) => [...catalogKeys.pages(), query] as const,
  /** The public course page, by slug. */
  overviews: () => [...catalogKeys.all, 'overview'] as const,
  overview: (slug: string) => [...catalogKeys.overviews(), slug] as const,
}

export const learnKeys = {
  all: ['learn'] as const,
  /** "My learning". */
  mine: () => [...learnKeys.all, 'mine'] as const,
  courses: () => [...learnKeys.all, 'course'] as const,
  course: (slug: string) => [...learnKeys.courses(), slug] as const,
}

export const studentKeys = {
  all: ['students'] as const,
  lists: () => [...studentKeys.all, 'list'] as const,
  list: (courseId: string) => [...studentKeys.lists(), courseId] as const,
}
