// Turns drag-and-drop and keyboard moves into complete outline orders for the reorder mutation.
// A lesson dragged to another chapter changes two lists in the same tick (one loses it, one
// gains it); those are staged and sent as one order.
import type { MaybeRefOrGetter } from 'vue'
import { toast } from 'vue-sonner'
import type { Chapter, OutlineOrder } from '#shared/types/outline'
import { orderOf } from './cache'
import { useReorderOutlineMutation } from './mutations'

const isSaved = (order: OutlineOrder) =>
  order.chapters.every(c => !c.id.startsWith('optimistic-') && c.lessonIds.every(id => !id.startsWith('optimistic-')))

export function useOutlineMoves(courseId: MaybeRefOrGetter<string>, chapters: () => Chapter[]) {
  const reorder = useReorderOutlineMutation(courseId)
  let staged: Map<string, string[]> | null = null

  function commit(order: OutlineOrder): boolean {
    if (!isSaved(order)) {
      toast.info('A new chapter or lesson is still being saved; try the move again in a moment.')
      return false
    }
    reorder.mutate(order)
    return true
  }

  function moveChapters(chapterIds: string[]) {
    const current = orderOf(chapters())
    commit({ chapters: chapterIds.map(id => current.chapters.find(c => c.id === id)!) })
  }

  function setLessons(chapterId: string, lessonIds: string[]) {
    if (!staged) {
      staged = new Map()
      queueMicrotask(flushLessons)
    }
    staged.set(chapterId, lessonIds)
  }

  function flushLessons() {
    const changes = staged!
    staged = null
    const current = orderOf(chapters())
    const next = { chapters: current.chapters.map(c => ({ id: c.id, lessonIds: changes.get(c.id) ?? c.lessonIds })) }
    const count = (o: OutlineOrder) => o.chapters.reduce((n, c) => n + c.lessonIds.length, 0)
    if (count(next) !== count(current)) return // half a move (should not happen): keep the server's order
    commit(next)
  }

  /** Alt+↑/↓ on a chapter. Returns the new index, or null at the edge. */
  function moveChapter(chapterId: string, delta: -1 | 1): number | null {
    const ids = chapters().map(c => c.id)
    const from = ids.indexOf(chapterId)
    const to = from + delta
    if (from < 0 || to < 0 || to >= ids.length) return null
    ids.splice(to, 0, ...ids.splice(from, 1))
    moveChapters(ids)
    return to
  }

  /**
   * Alt+↑/↓ on a lesson: within its chapter, and past the first or last lesson into the end of
   * the previous chapter or the start of the next. Returns where it went, or null at the edge.
   */
  function moveLesson(lessonId: string, delta: -1 | 1): { chapter: Chapter, index: number } | null {
    const order = orderOf(chapters())
    const c = order.chapters.findIndex(ch => ch.lessonIds.includes(lessonId))
    if (c < 0) return null
    const ids = order.chapters[c]!.lessonIds
    const from = ids.indexOf(lessonId)
    const to = from + delta
    let target: { c: number, index: number }
    if (to >= 0 && to < ids.length) {
      ids.splice(to, 0, ...ids.splice(from, 1))
      target = { c, index: to }
    }
    else {
      const neighbour = c + delta
      if (neighbour < 0 || neighbour >= order.chapters.length) return null
      ids.splice(from, 1)
      const into = order.chapters[neighbour]!.lessonIds
      const index = delta < 0 ? into.length : 0
      into.splice(index, 0, lessonId)
      target = { c: neighbour, index }
    }
    commit(order)
    return { chapter: chapters()[target.c]!, index: target.index }
  }

  /**
   * "Move to chapter…" on a selection: every lesson in `lessonIds` (in the order given, the order on
   * screen) goes to the end of that chapter, as one new outline order: one request, one rollback.
   * Returns how many lessons actually moved (those already there, at its end, stay put).
   */
  function moveLessonsTo(lessonIds: readonly string[], chapterId: string): number {
    const moving = new Set(lessonIds)
    const order = orderOf(chapters())
    const target = order.chapters.find(c => c.id === chapterId)
    if (!target) return 0
    const present = new Set(order.chapters.flatMap(c => c.lessonIds))
    const moved = lessonIds.filter(id => present.has(id))
    const next = { chapters: order.chapters.map(c => ({ id: c.id, lessonIds: c.lessonIds.filter(id => !moving.has(id)) })) }
    next.chapters.find(c => c.id === chapterId)!.lessonIds.push(...moved)
    const same = next.chapters.every((c, i) => c.lessonIds.join() === order.chapters[i]!.lessonIds.join())
    if (!moved.length || same) return 0
    return commit(next) ? moved.length : 0
  }

  return { moveChapters, setLessons, moveChapter, moveLesson, moveLessonsTo, saving: reorder.isPending }
}
