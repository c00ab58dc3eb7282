import { beforeEach, describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/vue-query'
import type { Course, DeletedCourse } from '../../shared/types/course'
import { courseKeys } from '../../composables/queries/course/keys'
import { chapterKeys } from '../../composables/queries/outline/keys'
import { studentKeys } from '../../composables/queries/student/keys'
import { registerCacheUpdaters } from '../../composables/realtime/cache-updaters'
import { createRealtimeObserver } from '../../composables/realtime/observer'
import type { RealtimeObserver } from '../../composables/realtime/observer'

const course = (id: string, updatedAt: string, extra: Partial<Course> = {}): Course => ({
  id, title: `Course ${id}`, slug: id, description: '', category: 'Design', status: 'DRAFT',
  level: 'ALL_LEVELS', language: 'en', priceCents: null, currency: 'USD', coverImageUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt, deletedAt: null, ...extra,
})
const deleted = (c: Course, deletedAt: string): DeletedCourse => ({ ...c, deletedAt, purgeAt: '2026-12-31T00:00:00.000Z' })

describe('realtime cache updaters', () => {
  let client: QueryClient
  let observer: RealtimeObserver
  const a = course('a', '2026-11-03T00:00:00.000Z')
  const b = course('b', '2026-11-02T00:00:00.000Z')

  beforeEach(() => {
    client = new QueryClient()
    observer = createRealtimeObserver()
    registerCacheUpdaters(observer, client)
    client.setQueryData(courseKeys.list(), [a, b])
    client.setQueryData(courseKeys.deleted(), [])
    client.setQueryData(courseKeys.detail('b'), b)
  })

  const list = () => client.getQueryData<Course[]>(courseKeys.list())!
  const trash = () => client.getQueryData<DeletedCourse[]>(courseKeys.deleted())!

  it('writes an update into every list and detail that shows the course, in the server\'s order', () => {
    const renamed = course('b', '2026-11-04T00:00:00.000Z', { title: 'Renamed' })
    observer.emit('course-updated', { type: 'course-updated', course: renamed })
    expect(list().map(c => [c.id, c.title])).toEqual([['b', 'Renamed'], ['a', 'Course a']])
    expect(client.getQueryData(courseKeys.detail('b'))).toEqual(renamed)
  })

  it('never lets a late, older event overwrite newer data', () => {
    observer.emit('course-updated', { type: 'course-updated', course: course('b', '2026-11-01T00:00:00.000Z', { title: 'Stale' }) })
    expect(list().find(c => c.id === 'b')!.title).toBe('Course b')
    expect(client.getQueryData<Course>(courseKeys.detail('b'))!.title).toBe('Course b')
  })

  it('adds a created course once, however often the event arrives', () => {
    const c = course('c', '2026-11-05T00:00:00.000Z')
    observer.emit('course-created', { type: 'course-created', course: c })
    observer.emit('course-created', { type: 'course-created', course: c })
    expect(list().map(x => x.id)).toEqual(['c', 'a', 'b'])
  })

  it('moves a deleted course from the list to Recently deleted, and back on restore', () => {
    observer.emit('course-deleted', { type: 'course-deleted', course: deleted(a, '2026-11-06T00:00:00.000Z') })
    expect(list().map(c => c.id)).toEqual(['b'])
    expect(trash().map(c => c.id)).toEqual(['a'])
    observer.emit('course-restored', { type: 'course-restored', course: a })
    expect(list().map(c => c.id)).toEqual(['a', 'b'])
    expect(trash()).toEqual([])
  })

  it('leaves caches that were never loaded alone', () => {
    client.removeQueries({ queryKey: courseKeys.deleted() })
    observer.emit('course-deleted', { type: 'course-deleted', course: deleted(a, '2026-11-06T00:00:00.000Z') })
    expect(client.getQueryData(courseKeys.deleted())).toBeUndefined()
  })

  it('marks everything stale after reconnecting, so what is shown is refetched', () => {
    observer.emit('socket:resync', { downForMs: 5000 })
    expect(client.getQueryState(courseKeys.list())!.isInvalidated).toBe(true)
    expect(client.getQueryState(courseKeys.detail('b'))!.isInvalidated).toBe(true)
  })

  it('refetches a channel\'s data older than its last event once subscribed, and nothing newer or elsewhere', () => {
    client.setQueryData(chapterKeys.list('c1'), [], { updatedAt: 1_000 })
    client.setQueryData(chapterKeys.list('c2'), [], { updatedAt: 1_000 })
    client.setQueryData(studentKeys.list('c1'), [], { updatedAt: 3_000 })
    observer.emit('channel:subscribed', { channel: 'course:c1', staleBefore: 2_000 })
    expect(client.getQueryState(chapterKeys.list('c1'))!.isInvalidated).toBe(true) // may have missed the event
    expect(client.getQueryState(studentKeys.list('c1'))!.isInvalidated).toBe(false) // fetched after it
    expect(client.getQueryState(chapterKeys.list('c2'))!.isInvalidated).toBe(false) // another course
    expect(client.getQueryState(courseKeys.list())!.isInvalidated).toBe(false) // the user channel's
  })

  it('starts a fetch over when an event lands while it is on its way, so an answer read before the event cannot undo it', async () => {
    const renamed = course('a', '2026-11-09T00:00:00.000Z', { title: 'Renamed' })
    let answerReadBefore!: (courses: Course[]) => void
    let calls = 0
    const queryFn = () => {
      calls++
      return calls === 1 ? new Promise<Course[]>(resolve => (answerReadBefore = resolve)) : Promise.resolve([renamed, b])
    }
    const fetched = client.fetchQuery({ queryKey: courseKeys.list(), queryFn, staleTime: 0 })
    observer.emit('course-updated', { type: 'course-updated', course: renamed })
    answerReadBefore([a, b])
    await fetched
    expect(calls).toBe(2)
    expect(list()[0]!.title).toBe('Renamed')
  })

  it('invalidates a course\'s detail when its channel is dropped', () => {
    observer.emit('channel:dropped', { channel: 'course:b', reason: 'deleted' })
    expect(client.getQueryState(courseKeys.detail('b'))!.isInvalidated).toBe(true)
    expect(client.getQueryState(courseKeys.list())!.isInvalidated).toBe(false)
  })

  it('marks a course\'s students stale when lessons are added or deleted (percent complete changes), not on updates', () => {
    const lesson = { id: 'v1', chapterId: 'ch1', title: 'One', position: 0, status: 'DRAFT' as const, durationSeconds: null, freePreview: false, failureReason: null, hasThumbnail: false, updatedAt: '2026-11-01T00:00:00.000Z' }
    client.setQueryData(chapterKeys.list('c1'), [{ id: 'ch1', courseId: 'c1', title: 'Ch', position: 0, updatedAt: '', lessons: [lesson] }])
    client.setQueryData(studentKeys.list('c1'), [])
    const stale = () => client.getQueryCache().find({ queryKey: studentKeys.list('c1') })!.state.isInvalidated
    observer.emit('lesson-saved', { type: 'lesson-saved', courseId: 'c1', lesson: { ...lesson, title: 'Renamed' } })
    expect(stale()).toBe(false)
    observer.emit('lesson-saved', { type: 'lesson-saved', courseId: 'c1', lesson: { ...lesson, id: 'v2', position: 1 } })
    expect(stale()).toBe(true)
    client.setQueryData(studentKeys.list('c1'), [])
    observer.emit('outline-deleted', { type: 'outline-deleted', courseId: 'c1', chapterIds: [], lessonIds: ['v2'] })
    expect(stale()).toBe(true)
  })
})
