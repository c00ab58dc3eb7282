// The Vue Query layer's writes for a course's outline (chapters and lessons). Small edits (add, rename,
// free preview, reorder) are optimistic and roll back with a toast; deletes are not, because the
// editor marks them pending and "Save changes" runs them as one batch.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import type { QueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { ChapterInput, OutlineDeleteInput, LessonInput, LessonUpdateInput } from '#shared/schemas/outline'
import type { Chapter, OutlineOrder, Lesson } from '#shared/types/outline'
import { ApiRequestError, errorMessage, useApi } from '../../api/api-client'
import { optimisticId, rollback, writeCache } from '../optimistic'
import type { Snapshot } from '../optimistic'
import { chapterSaved, outlineDeleted, outlineReordered, lessonSaved } from './cache'
import { chapterKeys } from './keys'
import { idempotencyKeyFor } from '../idempotency'

function optimisticChapters(client: QueryClient, courseId: string, update: (chapters: Chapter[]) => Chapter[]): Snapshot {
  const snapshot: Snapshot = { entries: [] }
  writeCache<Chapter[]>(client, snapshot, chapterKeys.list(courseId), chapters => chapters && update(chapters))
  return snapshot
}

function failed(client: QueryClient, snapshot: Snapshot | undefined, what: string, error: unknown) {
  rollback(client, snapshot)
  toast.error(`${what}: ${errorMessage(error)}`)
}

/**
 * Titles typed one after another are created in that order: the requests go one at a time
 * (their optimistic rows still appear at once). In parallel, the server would take them in
 * whatever order they arrived, and a fast typist's outline would come out shuffled.
 */
const CREATE_IN_ORDER = { id: 'outline-create' }

export function useCreateChapterMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ChapterInput, attempt) => api<Chapter>(`/api/courses/${encodeURIComponent(toValue(courseId))}/chapters`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
    scope: CREATE_IN_ORDER,
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: chapterKeys.list(toValue(courseId)) })
      const placeholderId = optimisticId()
      const snapshot = optimisticChapters(client, toValue(courseId), chapters => [...chapters, {
        id: placeholderId, courseId: toValue(courseId), title: input.title, position: chapters.length, updatedAt: new Date(0).toISOString(), lessons: [],
      }])
      return { snapshot, placeholderId }
    },
    onSuccess: (chapter, _input, context) => {
      client.setQueryData<Chapter[]>(chapterKeys.list(chapter.courseId), chapters => chapters?.filter(c => c.id !== context?.placeholderId))
      chapterSaved(client, chapter.courseId, chapter)
    },
    onError: (error, _input, context) => failed(client, context?.snapshot, 'The chapter was not added', error),
  })
}

export function useRenameChapterMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ chapterId, title }: { chapterId: string, title: string }) => api<Chapter>(`/api/chapters/${encodeURIComponent(chapterId)}`, { method: 'PATCH', body: { title } }),
    onMutate: async ({ chapterId, title }) => {
      await client.cancelQueries({ queryKey: chapterKeys.list(toValue(courseId)) })
      return { snapshot: optimisticChapters(client, toValue(courseId), chapters => chapters.map(c => (c.id === chapterId ? { ...c, title } : c))) }
    },
    onSuccess: chapter => chapterSaved(client, chapter.courseId, chapter),
    onError: (error, _input, context) => failed(client, context?.snapshot, 'The chapter was not renamed', error),
  })
}

export function useCreateLessonMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ chapterId, input }: { chapterId: string, input: LessonInput }, attempt) => api<Lesson>(`/api/chapters/${encodeURIComponent(chapterId)}/lessons`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
    scope: CREATE_IN_ORDER,
    onMutate: async ({ chapterId, input }) => {
      await client.cancelQueries({ queryKey: chapterKeys.list(toValue(courseId)) })
      const placeholderId = optimisticId()
      const snapshot = optimisticChapters(client, toValue(courseId), chapters => chapters.map(c => (c.id !== chapterId
        ? c
        : { ...c, lessons: [...c.lessons, { id: placeholderId, chapterId, title: input.title, position: c.lessons.length, status: 'DRAFT', durationSeconds: null, freePreview: input.freePreview, failureReason: null, hasThumbnail: false, updatedAt: new Date(0).toISOString() }] })))
      return { snapshot, placeholderId }
    },
    onSuccess: (lesson, _input, context) => {
      client.setQueryData<Chapter[]>(chapterKeys.list(toValue(courseId)), chapters => chapters?.map(c => ({ ...c, lessons: c.lessons.filter(v => v.id !== context?.placeholderId) })))
      lessonSaved(client, toValue(courseId), lesson)
    },
    onError: (error, _input, context) => failed(client, context?.snapshot, 'The lesson was not added', error),
  })
}

export function useUpdateLessonMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ lessonId, input }: { lessonId: string, input: LessonUpdateInput }) => api<Lesson>(`/api/lessons/${encodeURIComponent(lessonId)}`, { method: 'PATCH', body: input }),
    onMutate: async ({ lessonId, input }) => {
      await client.cancelQueries({ queryKey: chapterKeys.list(toValue(courseId)) })
      return { snapshot: optimisticChapters(client, toValue(courseId), chapters => chapters.map(c => ({ ...c, lessons: c.lessons.map(v => (v.id === lessonId ? { ...v, ...input } : v)) }))) }
    },
    onSuccess: lesson => lessonSaved(client, toValue(courseId), lesson),
    onError: (error, _input, context) => failed(client, context?.snapshot, 'The lesson was not saved', error),
  })
}

/**
 * Drag and drop and Alt+arrow moves: the new order shows at once; the server either confirms it,
 * or answers 409 with its current order (another tab changed the outline), which replaces ours.
 */
export function useReorderOutlineMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (order: OutlineOrder) => api<{ order: OutlineOrder }>(`/api/courses/${encodeURIComponent(toValue(courseId))}/outline/order`, { method: 'PUT', body: order }),
    onMutate: async (order) => {
      await client.cancelQueries({ queryKey: chapterKeys.list(toValue(courseId)) })
      const snapshot: Snapshot = { entries: [] }
      const before = client.getQueryData(chapterKeys.list(toValue(courseId)))
      outlineReordered(client, toValue(courseId), order)
      snapshot.entries.push({ key: chapterKeys.list(toValue(courseId)), before, written: client.getQueryData(chapterKeys.list(toValue(courseId))) })
      return { snapshot }
    },
    onError: (error, _order, context) => {
      const current = error instanceof ApiRequestError && error.code === 'CONFLICT' ? error.details?.currentOrder as OutlineOrder | undefined : undefined
      if (current) {
        outlineReordered(client, toValue(courseId), current)
        toast.error('The outline changed in another tab, so this move was not applied. You now see the current order.')
        return
      }
      failed(client, context?.snapshot, 'The new order was not saved', error)
    },
  })
}

/** "Save changes" for the pending deletes: one transaction on the server. */
export function useDeleteOutlineItemsMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: OutlineDeleteInput, attempt) => api<OutlineDeleteInput>(`/api/courses/${encodeURIComponent(toValue(courseId))}/outline/delete`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
    onSuccess: removed => outlineDeleted(client, toValue(courseId), removed),
    onError: (error) => {
      toast.error(`The deletions were not saved and are still marked: ${errorMessage(error)}`)
      void client.invalidateQueries({ queryKey: chapterKeys.list(toValue(courseId)) })
    },
  })
}

/** "Retry" on a lesson whose processing failed (its bytes are kept; only processing runs again). */
export function useRetryProcessingMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (lessonId: string, attempt) => api<Lesson>(`/api/lessons/${encodeURIComponent(lessonId)}/retry-processing`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt) }),
    onSuccess: lesson => lessonSaved(client, toValue(courseId), lesson),
    onError: error => toast.error(`Processing was not restarted: ${errorMessage(error)}`),
  })
}

/** Throws away a lesson's replacement video (failed, or nobody sends it any more); the lesson plays on as it was. */
export function useDiscardReplacementMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (lessonId: string, attempt) => api<Lesson>(`/api/lessons/${encodeURIComponent(lessonId)}/replacement`, { method: 'DELETE', idempotencyKey: idempotencyKeyFor(attempt) }),
    onSuccess: lesson => lessonSaved(client, toValue(courseId), lesson),
    onError: error => toast.error(`The new video was not discarded: ${errorMessage(error)}`),
  })
}
