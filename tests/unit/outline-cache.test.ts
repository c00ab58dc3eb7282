import { beforeEach, describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/vue-query'
import type { Chapter, Lesson } from '../../shared/types/outline'
import { chapterKeys, lessonKeys } from '../../composables/queries/outline/keys'
import { registerCacheUpdaters } from '../../composables/realtime/cache-updaters'
import { createRealtimeObserver } from '../../composables/realtime/observer'
import type { RealtimeObserver } from '../../composables/realtime/observer'

const T0 = '2026-11-01T00:00:00.000Z'
const T1 = '2026-11-02T00:00:00.000Z'
const lesson = (id: string, chapterId: string, position: number, extra: Partial<Lesson> = {}): Lesson => ({
  id, chapterId, title: id, position, status: 'DRAFT', durationSeconds: null, freePreview: false, failureReason: null, hasThumbnail: false, updatedAt: T0, ...extra,
})
const chapter = (id: string, position: number, lessons: Lesson[]): Chapter => ({ id, courseId: 'c1', title: id, position, updatedAt: T0, lessons })

describe('outline cache updaters (observer → chapterKeys and lessonKeys)', () => {
  let client: QueryClient
  let observer: RealtimeObserver
  const list = () => client.getQueryData<Chapter[]>(chapterKeys.list('c1'))!
  const shape = () => list().map(c => [c.id, c.position, c.lessons.map(v => `${v.id}@${v.position}`)])

  beforeEach(() => {
    client = new QueryClient()
    observer = createRealtimeObserver()
    registerCacheUpdaters(observer, client)
    const a = chapter('A', 0, [lesson('a1', 'A', 0), lesson('a2', 'A', 1)])
    const b = chapter('B', 1, [lesson('b1', 'B', 0)])
    client.setQueryData(chapterKeys.list('c1'), [a, b])
    client.setQueryData(lessonKeys.list('A'), a.lessons)
    client.setQueryData(lessonKeys.list('B'), b.lessons)
  })

  it('writes a changed lesson into both the outline and its chapter\'s lesson list', () => {
    observer.emit('lesson-saved', { type: 'lesson-saved', courseId: 'c1', lesson: lesson('a2', 'A', 1, { title: 'Renamed', freePreview: true, updatedAt: T1 }) })
    expect(list()[0]!.lessons[1]).toMatchObject({ title: 'Renamed', freePreview: true })
    expect(client.getQueryData<Lesson[]>(lessonKeys.list('A'))![1]).toMatchObject({ title: 'Renamed' })
  })

  it('adds a new chapter and lesson in position, replacing this tab\'s placeholder of the same title', () => {
    client.setQueryData<Chapter[]>(chapterKeys.list('c1'), chapters => [...chapters!, chapter('optimistic-x', 2, [])].map(c => (c.id === 'B' ? { ...c, lessons: [...c.lessons, lesson('optimistic-y', 'B', 1, { title: 'b2' })] } : c)))
    observer.emit('chapter-saved', { type: 'chapter-saved', courseId: 'c1', chapter: { id: 'C', courseId: 'c1', title: 'optimistic-x', position: 2, updatedAt: T1 } })
    observer.emit('lesson-saved', { type: 'lesson-saved', courseId: 'c1', lesson: lesson('b2', 'B', 1, { updatedAt: T1 }) })
    expect(shape()).toEqual([['A', 0, ['a1@0', 'a2@1']], ['B', 1, ['b1@0', 'b2@1']], ['C', 2, []]])
  })

  it('applies a reorder with moves across chapters to both caches', () => {
    observer.emit('outline-reordered', { type: 'outline-reordered', courseId: 'c1', order: { chapters: [{ id: 'B', lessonIds: ['b1', 'a2'] }, { id: 'A', lessonIds: ['a1'] }] } })
    expect(shape()).toEqual([['B', 0, ['b1@0', 'a2@1']], ['A', 1, ['a1@0']]])
    expect(list()[0]!.lessons[1]!.chapterId).toBe('B')
    expect(client.getQueryData<Lesson[]>(lessonKeys.list('B'))!.map(v => v.id)).toEqual(['b1', 'a2'])
    expect(client.getQueryData<Lesson[]>(lessonKeys.list('A'))!.map(v => v.id)).toEqual(['a1'])
  })

  it('refetches instead of guessing when a reorder names something this tab has not seen', () => {
    observer.emit('outline-reordered', { type: 'outline-reordered', courseId: 'c1', order: { chapters: [{ id: 'A', lessonIds: ['a1', 'a2', 'new'] }, { id: 'B', lessonIds: ['b1'] }] } })
    expect(client.getQueryState(chapterKeys.list('c1'))!.isInvalidated).toBe(true)
    expect(shape()).toEqual([['A', 0, ['a1@0', 'a2@1']], ['B', 1, ['b1@0']]])
  })

  it('removes deleted chapters and lessons and closes the gaps', () => {
    observer.emit('outline-deleted', { type: 'outline-deleted', courseId: 'c1', chapterIds: ['A'], lessonIds: [] })
    expect(shape()).toEqual([['B', 0, ['b1@0']]])
    expect(client.getQueryData(lessonKeys.list('A'))).toBeUndefined()
    observer.emit('outline-deleted', { type: 'outline-deleted', courseId: 'c1', chapterIds: [], lessonIds: ['b1'] })
    expect(shape()).toEqual([['B', 0, []]])
    expect(client.getQueryData(lessonKeys.list('B'))).toEqual([])
  })
})
