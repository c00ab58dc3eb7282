// How a course change lands in every cached list and detail that shows it (the "dual cache
// update"). Used by the realtime cache updaters for events from the server, and by the course
// mutations for their own responses, so both paths write the same way. Idempotent: the same
// change arriving twice (response and socket event) leaves the same cache.
import type { QueryClient } from '@tanstack/vue-query'
import type { Course, DeletedCourse } from '#shared/types/course'
import { courseKeys } from './keys'

const newerFirst = (key: 'updatedAt' | 'deletedAt') => (a: Course, b: Course) =>
  (b[key] ?? '').localeCompare(a[key] ?? '') || a.id.localeCompare(b.id)

/** The server's order: most recently changed first. */
const byUpdated = newerFirst('updatedAt')
const byDeleted = newerFirst('deletedAt')

function upsert<T extends Course>(list: T[] | undefined, item: T, order: (a: T, b: T) => number): T[] | undefined {
  if (!list) return list
  const existing = list.find(c => c.id === item.id)
  // An older version (a late event) never replaces a newer one.
  if (existing && existing.updatedAt > item.updatedAt) return list
  return [item, ...list.filter(c => c.id !== item.id)].sort(order)
}

const without = <T extends Course>(list: T[] | undefined, id: string) => list?.filter(c => c.id !== id)

function setDetail(client: QueryClient, course: Course) {
  client.setQueryData<Course>(courseKeys.detail(course.id), old => (old && old.updatedAt > course.updatedAt ? old : course))
}

export function courseSaved(client: QueryClient, course: Course): void {
  client.setQueryData<Course[]>(courseKeys.list(), list => upsert(list, course, byUpdated))
  setDetail(client, course)
}

export function courseDeleted(client: QueryClient, course: DeletedCourse): void {
  client.setQueryData<Course[]>(courseKeys.list(), list => without(list, course.id))
  client.setQueryData<DeletedCourse[]>(courseKeys.deleted(), list => upsert(list, course, byDeleted))
  // An editor showing it refetches and finds it gone (404), rather than editing a ghost.
  void client.invalidateQueries({ queryKey: courseKeys.detail(course.id) })
}

export function courseRestored(client: QueryClient, course: Course): void {
  client.setQueryData<DeletedCourse[]>(courseKeys.deleted(), list => without(list, course.id))
  courseSaved(client, course)
}
