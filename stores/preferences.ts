// UI preferences that survive reloads. Kept in a cookie (not localStorage) so the server renders
// with the same preferences the client hydrates with: no flash, no hydration mismatch.
import { defineStore } from 'pinia'

export type CourseListView = 'list' | 'grid'

interface Preferences {
  courseListView: CourseListView
  /** Collapsed chapters, per course (the most recent courses only, to keep the cookie small). */
  collapsed: Record<string, string[]>
}

const defaults: Preferences = { courseListView: 'list', collapsed: {} }
const MAX_COURSES_REMEMBERED = 15

export const usePreferencesStore = defineStore('preferences', () => {
  const cookie = useCookie<Partial<Preferences>>('lectern-prefs', {
    default: () => ({ ...defaults }),
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
  })

  const courseListView = computed<CourseListView>(() => (cookie.value?.courseListView === 'grid' ? 'grid' : 'list'))

  function setCourseListView(view: CourseListView) {
    cookie.value = { ...cookie.value, courseListView: view }
  }

  const isChapterCollapsed = (courseId: string, chapterId: string) => !!cookie.value?.collapsed?.[courseId]?.includes(chapterId)

  function toggleChapter(courseId: string, chapterId: string) {
    const collapsed = { ...cookie.value?.collapsed }
    const current = new Set(collapsed[courseId] ?? [])
    if (!current.delete(chapterId)) current.add(chapterId)
    delete collapsed[courseId] // re-inserted last: the most recently used course stays
    if (current.size) collapsed[courseId] = [...current]
    const courses = Object.keys(collapsed)
    for (const old of courses.slice(0, Math.max(0, courses.length - MAX_COURSES_REMEMBERED))) delete collapsed[old]
    cookie.value = { ...cookie.value, collapsed }
  }

  return { courseListView, setCourseListView, isChapterCollapsed, toggleChapter }
})
