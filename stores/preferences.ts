// UI preferences that survive reloads. Kept in a cookie (not localStorage) so the server renders
// with the same preferences the client hydrates with: no flash, no hydration mismatch.
import { defineStore } from 'pinia'

export type CourseListView = 'list' | 'grid'

interface Preferences {
  courseListView: CourseListView
}

const defaults: Preferences = { courseListView: 'list' }

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

  return { courseListView, setCourseListView }
})
