// Query keys for a course's Files tab: the library files used in one course, by place. They sit
// under mediaKeys.all ('media'), so whatever refreshes or cancels the whole library does these too.
import { mediaKeys } from '../media/keys'

export const courseFileKeys = {
  all: [...mediaKeys.all, 'course'] as const,
  list: (courseId: string) => [...courseFileKeys.all, courseId] as const,
}
