// The Vue Query layer's writes for courses in the studio: create, edit, publish/unpublish, delete
// and restore, with optimistic updates (snapshot → write → roll back on error if the cache still
// holds what we wrote → toast → invalidate).
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { z } from 'zod'
import { CourseInput } from '#shared/schemas/course'
import type { CourseUpdateInput } from '#shared/schemas/course'
import type { Course, DeletedCourse } from '#shared/types/course'
import { errorMessage, useApi } from '../../api/api-client'
import { optimisticId, rollback, writeCache } from '../optimistic'
import type { Snapshot } from '../optimistic'
import { courseDeleted, courseRestored, courseSaved } from './cache'
import { courseKeys } from './keys'
import { idempotencyKeyFor } from '../idempotency'

/** What "New course" sends: title, category and description; the server fills in the rest. */
export type CourseCreateRequest = z.input<typeof CourseInput>

export function useCreateCourseMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CourseCreateRequest, attempt) => api<Course>('/api/courses', { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
    onMutate: async (request) => {
      await client.cancelQueries({ queryKey: courseKeys.list() })
      const input = CourseInput.parse(request) // the defaults the server will apply
      const now = new Date().toISOString()
      const placeholder: Course = { id: optimisticId(), slug: '', status: 'DRAFT', currency: 'USD', createdAt: now, updatedAt: now, deletedAt: null, ...input }
      const snapshot: Snapshot = { entries: [] }
      writeCache<Course[]>(client, snapshot, courseKeys.list(), list => list && [placeholder, ...list])
      return { snapshot, placeholderId: placeholder.id }
    },
    onSuccess: (course, _input, context) => {
      client.setQueryData<Course[]>(courseKeys.list(), list => list?.filter(c => c.id !== context?.placeholderId))
      courseSaved(client, course)
    },
    onError: (error, _input, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not create the course: ${errorMessage(error)}`)
    },
    onSettled: () => client.invalidateQueries({ queryKey: courseKeys.list() }),
  })
}

export function useUpdateCourseMutation(id: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CourseUpdateInput) => api<Course>(`/api/courses/${encodeURIComponent(toValue(id))}`, { method: 'PATCH', body: input }),
    onMutate: async (input) => {
      const courseId = toValue(id)
      await Promise.all([
        client.cancelQueries({ queryKey: courseKeys.detail(courseId) }),
        client.cancelQueries({ queryKey: courseKeys.list() }),
      ])
      const snapshot: Snapshot = { entries: [] }
      writeCache<Course>(client, snapshot, courseKeys.detail(courseId), course => course && { ...course, ...input })
      writeCache<Course[]>(client, snapshot, courseKeys.list(), list => list?.map(c => (c.id === courseId ? { ...c, ...input } : c)))
      return { snapshot }
    },
    onSuccess: course => courseSaved(client, course),
    onError: (error, _input, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Your changes were not saved: ${errorMessage(error)}`)
    },
    onSettled: () => client.invalidateQueries({ queryKey: courseKeys.all }),
  })
}

/** Publish or unpublish (the editor's status button): the answer lands like any other save. */
export function useCourseStatusMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (action: 'publish' | 'unpublish', attempt) => api<Course>(`/api/courses/${encodeURIComponent(toValue(courseId))}/${action}`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt) }),
    onSuccess: (course) => {
      courseSaved(client, course)
      toast.success(course.status === 'PUBLISHED' ? `“${course.title}” is published` : `“${course.title}” is back to draft`)
    },
    onError: error => toast.error(errorMessage(error)),
  })
}

export function useRestoreCourseMutation() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (courseId: string, attempt) => api<Course>(`/api/courses/${encodeURIComponent(courseId)}/restore`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt) }),
    onMutate: async (courseId) => {
      await client.cancelQueries({ queryKey: courseKeys.lists() })
      const snapshot: Snapshot = { entries: [] }
      writeCache<DeletedCourse[]>(client, snapshot, courseKeys.deleted(), list => list?.filter(c => c.id !== courseId))
      return { snapshot }
    },
    onSuccess: (course) => {
      courseRestored(client, course)
      toast.success(`“${course.title}” is back in your courses`)
    },
    onError: (error, _id, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not restore the course: ${errorMessage(error)}`)
    },
    onSettled: () => client.invalidateQueries({ queryKey: courseKeys.lists() }),
  })
}

export function useDeleteCourseMutation() {
  const api = useApi()
  const client = useQueryClient()
  const restore = useRestoreCourseMutation()
  return useMutation({
    mutationFn: (courseId: string, attempt) => api<DeletedCourse>(`/api/courses/${encodeURIComponent(courseId)}`, { method: 'DELETE', idempotencyKey: idempotencyKeyFor(attempt) }),
    onMutate: async (courseId) => {
      await client.cancelQueries({ queryKey: courseKeys.all })
      const snapshot: Snapshot = { entries: [] }
      writeCache<Course[]>(client, snapshot, courseKeys.list(), list => list?.filter(c => c.id !== courseId))
      return { snapshot }
    },
    onSuccess: (course) => {
      courseDeleted(client, course)
      toast.success(`“${course.title}” moved to Recently deleted`, {
        action: { label: 'Undo', onClick: () => restore.mutate(course.id) },
      })
    },
    onError: (error, _id, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not delete the course: ${errorMessage(error)}`)
    },
    onSettled: () => client.invalidateQueries({ queryKey: courseKeys.lists() }),
  })
}
