// UI preferences that survive reloads. Kept in a cookie (not localStorage) so the server renders
// with the same preferences the client hydrates with: no flash, no hydration mismatch.
import { defineStore } from 'pinia'

export type CourseListView = 'list' | 'grid'
export type MediaView = 'grid' | 'list'

/** The speeds the watch page offers, slowest first. */
export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const
export type PlaybackRate = typeof PLAYBACK_RATES[number]

interface Preferences {
  courseListView: CourseListView
  mediaView: MediaView
  /** Collapsed chapters, per course (the most recent courses only, to keep the cookie small). */
  collapsed: Record<string, string[]>
  /** The watch page's playback speed, re-applied to every lesson. */
  playbackRate: PlaybackRate
  /** The player's captions: 'off', a language tag (used where a lesson has it), or unset (each lesson's default). */
  captions?: string
}

const defaults: Preferences = { courseListView: 'list', mediaView: 'grid', collapsed: {}, playbackRate: 1 }
const MAX_COURSES_REMEMBERED = 15

export const usePreferencesUiStore = defineStore('preferences-ui', () => {
  const cookie = useCookie<Partial<Preferences>>('lectern-prefs', {
    default: () => ({ ...defaults }),
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
  })

  const courseListView = computed<CourseListView>(() => (cookie.value?.courseListView === 'grid' ? 'grid' : 'list'))

  function setCourseListView(view: CourseListView) {
    cookie.value = { ...cookie.value, courseListView: view }
  }

  const mediaView = computed<MediaView>(() => (cookie.value?.mediaView === 'list' ? 'list' : 'grid'))
  function setMediaView(view: MediaView) {
    cookie.value = { ...cookie.value, mediaView: view }
  }

  // A cookie edited by hand (or from an older list of speeds) falls back to normal speed.
  const playbackRate = computed<PlaybackRate>(() => PLAYBACK_RATES.find(rate => rate === cookie.value?.playbackRate) ?? 1)
  function setPlaybackRate(rate: PlaybackRate) {
    cookie.value = { ...cookie.value, playbackRate: rate }
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

  const captions = computed<string | null>(() => (typeof cookie.value?.captions === 'string' ? cookie.value.captions : null))
  function setCaptions(choice: string) {
    cookie.value = { ...cookie.value, captions: choice }
  }

  return { captions, setCaptions, courseListView, setCourseListView, mediaView, setMediaView, playbackRate, setPlaybackRate, isChapterCollapsed, toggleChapter }
})
