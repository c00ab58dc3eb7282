// How outline changes land in the caches: chapterKeys.list(courseId) (chapters with lessons) and
// lessonKeys.list(chapterId) (one chapter's lessons). Shared by the realtime cache updaters and
// the outline mutations, so an event and a mutation's own answer write the same way; applying
// the same change twice leaves the same cache.
import type { QueryClient } from '@tanstack/vue-query'
import type { Chapter, OutlineOrder, Lesson } from '#shared/types/outline'
import { chapterKeys, lessonKeys } from './keys'

type ChapterSnapshot = Omit<Chapter, 'lessons'>

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position

function writeLessonLists(client: QueryClient, chapters: Chapter[]) {
  for (const chapter of chapters) {
    if (client.getQueryData(lessonKeys.list(chapter.id)) !== undefined) client.setQueryData(lessonKeys.list(chapter.id), chapter.lessons)
  }
}

function updateChapters(client: QueryClient, courseId: string, update: (chapters: Chapter[]) => Chapter[]) {
  const next = client.setQueryData<Chapter[]>(chapterKeys.list(courseId), chapters => chapters && update(chapters))
  if (next) writeLessonLists(client, next)
}

const isPlaceholder = (id: string) => id.startsWith('optimistic-')

/**
 * Where an item new to this cache goes: in place of this tab's optimistic placeholder with the
 * same title, if there is one (the server's event can arrive before the create's own answer), so
 * the list never shows the placeholder and the real item side by side.
 */
function withoutMatchingPlaceholder<T extends { id: string, title: string }>(items: T[], item: T): T[] {
  if (items.some(i => i.id === item.id)) return items
  const placeholder = items.find(i => isPlaceholder(i.id) && i.title === item.title)
  return placeholder ? items.filter(i => i !== placeholder) : items
}

/** A chapter was created or renamed. */
export function chapterSaved(client: QueryClient, courseId: string, chapter: ChapterSnapshot) {
  updateChapters(client, courseId, (all) => {
    const chapters = withoutMatchingPlaceholder(all, { ...chapter, lessons: [] })
    const existing = chapters.find(c => c.id === chapter.id)
    if (existing && existing.updatedAt > chapter.updatedAt) return chapters
    const merged: Chapter = { ...chapter, lessons: existing?.lessons ?? [] }
    return [...chapters.filter(c => c.id !== chapter.id), merged].sort(byPosition)
  })
}

/** A lesson was created or changed (title, free preview, later its upload status). */
export function lessonSaved(client: QueryClient, courseId: string, lesson: Lesson) {
  updateChapters(client, courseId, chapters => chapters.map((chapter) => {
    if (chapter.id !== lesson.chapterId) return chapter
    const existing = chapter.lessons.find(v => v.id === lesson.id)
    if (existing && existing.updatedAt > lesson.updatedAt) return chapter
    const lessons = withoutMatchingPlaceholder(chapter.lessons, lesson)
    return { ...chapter, lessons: [...lessons.filter(v => v.id !== lesson.id), lesson].sort(byPosition) }
  }))
  // A chapter view that is not part of a loaded outline still gets the lesson.
  client.setQueryData<Lesson[]>(lessonKeys.list(lesson.chapterId), lessons => lessons && [...lessons.filter(v => v.id !== lesson.id), lesson].sort(byPosition))
}

const renumber = (chapters: Chapter[]): Chapter[] =>
  chapters.map((chapter, position) => ({ ...chapter, position, lessons: chapter.lessons.map((lesson, index) => ({ ...lesson, position: index })) }))

export function outlineDeleted(client: QueryClient, courseId: string, removed: { chapterIds: string[], lessonIds: string[] }) {
  const chapterIds = new Set(removed.chapterIds)
  const lessonIds = new Set(removed.lessonIds)
  updateChapters(client, courseId, chapters => renumber(chapters
    .filter(c => !chapterIds.has(c.id))
    .map(c => ({ ...c, lessons: c.lessons.filter(v => !lessonIds.has(v.id)) }))))
  for (const id of chapterIds) client.removeQueries({ queryKey: lessonKeys.list(id) })
}

/**
 * Puts the cached outline in the given order. If the order names something the cache does not
 * hold (it changed elsewhere while this tab was behind), the outline is refetched instead.
 */
export function outlineReordered(client: QueryClient, courseId: string, order: OutlineOrder) {
  const chapters = client.getQueryData<Chapter[]>(chapterKeys.list(courseId))
  if (!chapters) return
  const chapterById = new Map(chapters.map(c => [c.id, c]))
  const lessonById = new Map(chapters.flatMap(c => c.lessons).map(v => [v.id, v]))
  const complete = order.chapters.every(c => chapterById.has(c.id) && c.lessonIds.every(id => lessonById.has(id)))
    && order.chapters.length === chapters.length
    && order.chapters.reduce((n, c) => n + c.lessonIds.length, 0) === lessonById.size
  if (!complete) {
    void client.invalidateQueries({ queryKey: chapterKeys.list(courseId) })
    return
  }
  updateChapters(client, courseId, () => renumber(order.chapters.map(c => ({
    ...chapterById.get(c.id)!,
    lessons: c.lessonIds.map(id => ({ ...lessonById.get(id)!, chapterId: c.id })),
  }))))
}

export function orderOf(chapters: Chapter[]): OutlineOrder {
  return { chapters: chapters.map(c => ({ id: c.id, lessonIds: c.lessons.map(v => v.id) })) }
}
