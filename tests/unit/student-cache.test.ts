import { beforeEach, describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/vue-query'
import type { StudentRow } from '../../shared/types/student'
import { studentKeys } from '../../composables/queries/student/keys'
import { registerCacheUpdaters } from '../../composables/realtime/cache-updaters'
import { createRealtimeObserver } from '../../composables/realtime/observer'
import type { RealtimeObserver } from '../../composables/realtime/observer'

const student = (userId: string, enrolledAt: string, extra: Partial<StudentRow> = {}): StudentRow => ({
  userId, name: `Student ${userId}`, email: `${userId}@example.test`, enrolledAt, source: 'SELF',
  lastActiveAt: enrolledAt, completedAt: null, percentComplete: 0, completedLessonIds: [], ...extra,
})

describe('students cache updaters', () => {
  let client: QueryClient
  let observer: RealtimeObserver
  const a = student('a', '2026-11-03T00:00:00.000Z')
  const b = student('b', '2026-11-01T00:00:00.000Z')

  beforeEach(() => {
    client = new QueryClient()
    observer = createRealtimeObserver()
    registerCacheUpdaters(observer, client)
    client.setQueryData(studentKeys.list('course-1'), [a, b])
  })

  const rows = (courseId = 'course-1') => client.getQueryData<StudentRow[]>(studentKeys.list(courseId))

  it('puts a new student where the server would: newest enrolment first', () => {
    const c = student('c', '2026-11-02T00:00:00.000Z')
    observer.emit('student-updated', { type: 'student-updated', courseId: 'course-1', student: c })
    expect(rows()!.map(s => s.userId)).toEqual(['a', 'c', 'b'])
  })

  it('replaces a student\'s row in place with the newer progress, however often it arrives', () => {
    const progressed = { ...b, percentComplete: 50, completedLessonIds: ['v1'] }
    observer.emit('student-updated', { type: 'student-updated', courseId: 'course-1', student: progressed })
    observer.emit('student-updated', { type: 'student-updated', courseId: 'course-1', student: progressed })
    expect(rows()).toEqual([a, progressed])
  })

  it('takes a removed student out, and ignores a removal it has already applied', () => {
    observer.emit('student-removed', { type: 'student-removed', courseId: 'course-1', userId: 'a' })
    const after = rows()
    expect(after!.map(s => s.userId)).toEqual(['b'])
    observer.emit('student-removed', { type: 'student-removed', courseId: 'course-1', userId: 'a' })
    expect(rows()).toBe(after) // the same array: an optimistic removal's rollback still recognises its write
  })

  it('touches only the course the event is about, and leaves lists never loaded alone', () => {
    observer.emit('student-updated', { type: 'student-updated', courseId: 'course-2', student: student('z', '2026-11-04T00:00:00.000Z') })
    expect(rows('course-2')).toBeUndefined()
    expect(rows()!.map(s => s.userId)).toEqual(['a', 'b'])
  })
})
