// The Vue Query layer's writes for a course's Files tab: adding a library file to a place of the
// course, or removing it from there. Both are optimistic on the course's list and end with the
// server's word for every cache the change touches (the file's panel, the library's lists).
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { MediaLinkInput } from '#shared/schemas/media'
import type { CourseFileEntry, MediaItem, MediaUsage } from '#shared/types/media'
import { errorMessage, useApi } from '../../api/api-client'
import { mediaKeys } from '../media/keys'
import { rollback, writeCache } from '../optimistic'
import type { Snapshot } from '../optimistic'
import { courseFileKeys } from './keys'
import { idempotencyKeyFor } from '../idempotency'

const filePath = (id: string) => `/api/media/${encodeURIComponent(id)}`
const samePlace = (entry: CourseFileEntry, fileId: string, input: MediaLinkInput) =>
  entry.file.id === fileId && entry.targetType === input.targetType && entry.targetId === input.targetId && entry.role === input.role

function settle(client: ReturnType<typeof useQueryClient>, courseId: string, fileIds: (string | undefined)[]) {
  void client.invalidateQueries({ queryKey: courseFileKeys.list(courseId) })
  void client.invalidateQueries({ queryKey: mediaKeys.lists() })
  for (const id of fileIds) {
    if (!id) continue
    void client.invalidateQueries({ queryKey: mediaKeys.detail(id) })
    void client.invalidateQueries({ queryKey: mediaKeys.history(id) })
  }
}

export interface AddCourseFileVariables { file: MediaItem, input: MediaLinkInput }

/** "Add from library": uses one of my files in a place of this course (idempotent on the server). */
export function useAddCourseFileMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ file, input }: AddCourseFileVariables, attempt) => api<MediaUsage>(`${filePath(file.id)}/links`, { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
    onMutate: async ({ file, input }) => {
      const key = courseFileKeys.list(toValue(courseId))
      await client.cancelQueries({ queryKey: key })
      const snapshot: Snapshot = { entries: [] }
      const replaced = client.getQueryData<CourseFileEntry[]>(key)?.find(e => e.role === 'VIDEO' && e.targetId === input.targetId && e.file.id !== file.id)?.file.id
      writeCache<CourseFileEntry[]>(client, snapshot, key, (list) => {
        if (!list) return list
        // A lesson has one video: choosing another replaces it in the list at once.
        const rest = input.role === 'VIDEO' ? list.filter(e => !(e.role === 'VIDEO' && e.targetId === input.targetId)) : list
        return rest.some(e => samePlace(e, file.id, input)) ? rest : [...rest, { linkId: null, ...input, file }]
      })
      return { snapshot, replaced }
    },
    onSuccess: (_usage, { file }) => toast.success(`“${file.name}” added`),
    onError: (error, _variables, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not add the file: ${errorMessage(error)}`)
    },
    onSettled: (_data, _error, { file }, context) => settle(client, toValue(courseId), [file.id, context?.replaced]),
  })
}

/** Stops using a file in one place of this course (the file stays in the library). */
export function useRemoveCourseFileMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (entry: CourseFileEntry, attempt) => api<{ removed: boolean }>(`${filePath(entry.file.id)}/unlink`, {
      method: 'POST',
      idempotencyKey: idempotencyKeyFor(attempt),
      body: { targetType: entry.targetType, targetId: entry.targetId, role: entry.role } satisfies MediaLinkInput,
    }),
    onMutate: async (entry) => {
      const key = courseFileKeys.list(toValue(courseId))
      await client.cancelQueries({ queryKey: key })
      const snapshot: Snapshot = { entries: [] }
      writeCache<CourseFileEntry[]>(client, snapshot, key, list => list?.filter(e => !samePlace(e, entry.file.id, entry)))
      return { snapshot }
    },
    onError: (error, _entry, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not remove the file: ${errorMessage(error)}`)
    },
    onSettled: (_data, _error, entry) => settle(client, toValue(courseId), [entry.file.id]),
  })
}
