// UI preferences that survive reloads. Kept in a cookie (not localStorage) so the server renders
// with the same preferences the client hydrates with: no flash, no hydration mismatch.
import { defineStore } from 'pinia'
import { CAPTIONS_OFF } from '~/utils/captions'

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
  /**
   * The player's captions language (a language tag, used where a lesson has it), or unset: each
   * lesson's default. An older cookie says 'off' here instead of `captionsOff`.
   */
  captions?: string
  /** Captions turned off. The language stays beside it, so turning them back on brings it back. */
  captionsOff?: boolean
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

  // The one record of the captions choice: the menu, C, the transcript and the server's
  // `<track default>` all read it here, and the menu and C write it here.
  const captionsLanguage = computed<string | null>(() => {
    const language = cookie.value?.captions
    return typeof language === 'string' && language !== CAPTIONS_OFF ? language : null
  })
  /** What the player shows: 'off', a language, or null (each lesson's default); see utils/captions.ts. */
  const captions = computed<string | null>(() => (cookie.value?.captionsOff === true || cookie.value?.captions === CAPTIONS_OFF ? CAPTIONS_OFF : captionsLanguage.value))
  /** 'off' or a language tag. */
  function setCaptions(choice: string) {
    cookie.value = choice === CAPTIONS_OFF
      ? { ...cookie.value, captionsOff: true }
      : { ...cookie.value, captions: choice, captionsOff: false }
  }

  return { captions, captionsLanguage, setCaptions, courseListView, setCourseListView, mediaView, setMediaView, playbackRate, setPlaybackRate, isChapterCollapsed, toggleChapter }
})
