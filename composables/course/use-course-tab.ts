// The setup every course tab in the studio shares (the editor, Files, Students under
// pages/studio/courses/[id]/): the course id from the route, the course and its outline, the
// tab's own queries, the course's live channel, the page title, the tab's UI store reset on
// leaving, and the state CourseSection draws (loading, "not available" on a 404 from any of the
// tab's queries, the error with retry). The page keeps its own orchestration and markup.
import type { Ref } from 'vue'
import { courseChannel } from '#shared/realtime/channels'
import { useCourseQuery } from '~/composables/queries/course/queries'
import { usePageNotFound } from '~/composables/queries/not-found'
import type { PageQuery } from '~/composables/queries/not-found'
import { useOutlineQuery } from '~/composables/queries/outline/queries'
import { useRealtimeChannel } from '~/composables/realtime/use-realtime'

type CourseTab = 'editor' | 'files' | 'students'

/** The crumb and title prefix of each tab; the editor is the course itself. */
const tabNames: Record<CourseTab, string | undefined> = { editor: undefined, files: 'Files', students: 'Students' }

interface CourseTabOptions<Queries extends Record<string, PageQuery>> {
  /** The tab's own reads, keyed by name; a 404 from any of them shows "not available" too. */
  queries?: (courseId: Ref<string>) => Queries
  /** The tab's UI store, reset when the page is left. */
  store?: { $reset: () => void }
}

export function useCourseTab<Queries extends Record<string, PageQuery> = Record<never, PageQuery>>(
  current: CourseTab,
  options: CourseTabOptions<Queries> = {},
) {
  const route = useRoute()
  const courseId = computed(() => String(route.params.id))
  const course = useCourseQuery(courseId)
  const outline = useOutlineQuery(courseId)
  const queries = (options.queries?.(courseId) ?? {}) as Queries
  const { store } = options
  if (store) onBeforeRouteLeave(() => store.$reset())
  // Live events about this course (its deletion elsewhere drops the subscription and the page
  // shows that the course is gone).
  useRealtimeChannel(() => (course.data.value ? courseChannel(courseId.value) : null))

  const crumb = tabNames[current]
  useSeoMeta({ title: () => (crumb ? `${crumb} · ` : '') + (course.data.value?.title ?? 'Course') })

  const notFound = usePageNotFound(course, outline, ...Object.values(queries))
  /** CourseSection's props (v-bind them); its `retry` event goes to `retry`. */
  const section = computed(() => ({
    courseId: courseId.value,
    current,
    crumb,
    course: course.data.value,
    loading: (course.isPending.value || outline.isPending.value) && !notFound.value,
    notFound: notFound.value,
    error: course.error.value ?? outline.error.value,
    retrying: course.isFetching.value || outline.isFetching.value,
  }))
  const retry = () => {
    void course.refetch()
    void outline.refetch()
  }

  return { courseId, course, outline, ...queries, notFound, section, retry }
}
