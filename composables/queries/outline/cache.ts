// How outline changes land in the caches: chapterKeys.list(courseId) (chapters with lessons) and
// videoKeys.list(chapterId) (one chapter's lessons). Shared by the realtime cache updaters and
// the outline mutations, so an event and a mutation's own answer write the same way; applying
// the same change twice leaves the same cache.
import type { QueryClient } from '@tanstack/vue-query'
import type { Chapter, OutlineOrder, Video } from '#shared/types/outline'
import { chapterKeys, videoKeys } from './keys'

type ChapterSnapshot = Omit<Chapter, 'videos'>

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position

function writeVideoLists(client: QueryClient, chapters: Chapter[]) {
  for (const chapter of chapters) {
    if (client.getQueryData(videoKeys.list(chapter.id)) !== undefined) client.setQueryData(videoKeys.list(chapter.id), chapter.videos)
  }
}

function updateChapters(client: QueryClient, courseId: string, update: (chapters: Chapter[]) => Chapter[]) {
  const next = client.setQueryData<Chapter[]>(chapterKeys.list(courseId), chapters => chapters && update(chapters))
  if (next) writeVideoLists(client, next)
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
    const chapters = withoutMatchingPlaceholder(all, { ...chapter, videos: [] })
    const existing = chapters.find(c => c.id === chapter.id)
    if (existing && existing.updatedAt > chapter.updatedAt) return chapters
    const merged: Chapter = { ...chapter, videos: existing?.videos ?? [] }
    return [...chapters.filter(c => c.id !== chapter.id), merged].sort(byPosition)
  })
}

/** A lesson was created or changed (title, free preview, later its upload status). */
export function videoSaved(client: QueryClient, courseId: string, video: Video) {
  updateChapters(client, courseId, chapters => chapters.map((chapter) => {
    if (chapter.id !== video.chapterId) return chapter
    const existing = chapter.videos.find(v => v.id === video.id)
    if (existing && existing.updatedAt > video.updatedAt) return chapter
    const videos = withoutMatchingPlaceholder(chapter.videos, video)
    return { ...chapter, videos: [...videos.filter(v => v.id !== video.id), video].sort(byPosition) }
  }))
  // A chapter view that is not part of a loaded outline still gets the lesson.
  client.setQueryData<Video[]>(videoKeys.list(video.chapterId), videos => videos && [...videos.filter(v => v.id !== video.id), video].sort(byPosition))
}

const renumber = (chapters: Chapter[]): Chapter[] =>
  chapters.map((chapter, position) => ({ ...chapter, position, videos: chapter.videos.map((video, index) => ({ ...video, position: index })) }))

export function outlineDeleted(client: QueryClient, courseId: string, removed: { chapterIds: string[], videoIds: string[] }) {
  const chapterIds = new Set(removed.chapterIds)
  const videoIds = new Set(removed.videoIds)
  updateChapters(client, courseId, chapters => renumber(chapters
    .filter(c => !chapterIds.has(c.id))
    .map(c => ({ ...c, videos: c.videos.filter(v => !videoIds.has(v.id)) }))))
  for (const id of chapterIds) client.removeQueries({ queryKey: videoKeys.list(id) })
}

/**
 * Puts the cached outline in the given order. If the order names something the cache does not
 * hold (it changed elsewhere while this tab was behind), the outline is refetched instead.
 */
export function outlineReordered(client: QueryClient, courseId: string, order: OutlineOrder) {
  const chapters = client.getQueryData<Chapter[]>(chapterKeys.list(courseId))
  if (!chapters) return
  const chapterById = new Map(chapters.map(c => [c.id, c]))
  const videoById = new Map(chapters.flatMap(c => c.videos).map(v => [v.id, v]))
  const complete = order.chapters.every(c => chapterById.has(c.id) && c.videoIds.every(id => videoById.has(id)))
    && order.chapters.length === chapters.length
    && order.chapters.reduce((n, c) => n + c.videoIds.length, 0) === videoById.size
  if (!complete) {
    void client.invalidateQueries({ queryKey: chapterKeys.list(courseId) })
    return
  }
  updateChapters(client, courseId, () => renumber(order.chapters.map(c => ({
    ...chapterById.get(c.id)!,
    videos: c.videoIds.map(id => ({ ...videoById.get(id)!, chapterId: c.id })),
  }))))
}

export function orderOf(chapters: Chapter[]): OutlineOrder {
  return { chapters: chapters.map(c => ({ id: c.id, videoIds: c.videos.map(v => v.id) })) }
}
