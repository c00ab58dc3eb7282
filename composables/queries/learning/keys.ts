// Query keys for a student's learning: "My learning" and each course's watch page, by slug.
export const learningKeys = {
  all: ['learning'] as const,
  /** "My learning". */
  mine: () => [...learningKeys.all, 'mine'] as const,
  courses: () => [...learningKeys.all, 'course'] as const,
  course: (slug: string) => [...learningKeys.courses(), slug] as const,
}
