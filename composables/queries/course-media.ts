// The Vue Query layer of a course's Files tab: the files used in the course by place, and adding
// a library file to a place or removing it from there. Both are optimistic on the course's list
// and end with the server's word for every cache the change touches (the file's panel, lists).
import { useMutation, useQuery, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { MediaLinkInput } from '#shared/schemas/media'
import type { CourseMediaEntry, MediaItem, MediaUsage } from '#shared/types/media'
import { errorMessage, useApi } from '../api/api-client'
import { mediaKeys } from './media-keys'
import { rollback, writeCache } from './optimistic'
import type { Snapshot } from './optimistic'

const filePath = (id: string) => `/api/media/${encodeURIComponent(id)}`
const samePlace = (entry: CourseMediaEntry, fileId: string, input: MediaLinkInput) =>
  entry.file.id === fileId && entry.targetType === input.targetType && entry.targetId === input.targetId && entry.role === input.role

export function useCourseMediaQuery(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const query = useQuery({
    queryKey: computed(() => mediaKeys.course(toValue(courseId))),
    queryFn: () => api<CourseMediaEntry[]>(`/api/courses/${encodeURIComponent(toValue(courseId))}/media`),
  })
  onServerPrefetch(async () => {
    await query.suspense().catch(() => {})
  })
  return query
}

function settle(client: ReturnType<typeof useQueryClient>, courseId: string, fileIds: (string | undefined)[]) {
  void client.invalidateQueries({ queryKey: mediaKeys.course(courseId) })
  void client.invalidateQueries({ queryKey: mediaKeys.lists() })
  for (const id of fileIds) {
    if (!id) continue
    void client.invalidateQueries({ queryKey: mediaKeys.detail(id) })
    void client.invalidateQueries({ queryKey: mediaKeys.history(id) })
  }
}

export interface AddCourseMediaVariables { file: MediaItem, input: MediaLinkInput }

/** "Add from library": uses one of my files in a place of this course (idempotent on the server). */
export function useAddCourseMediaMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ file, input }: AddCourseMediaVariables) => api<MediaUsage>(`${filePath(file.id)}/links`, { method: 'POST', body: input }),
    onMutate: async ({ file, input }) => {
      const key = mediaKeys.course(toValue(courseId))
      await client.cancelQueries({ queryKey: key })
      const snapshot: Snapshot = { entries: [] }
      const replaced = client.getQueryData<CourseMediaEntry[]>(key)?.find(e => e.role === 'VIDEO' && e.targetId === input.targetId && e.file.id !== file.id)?.file.id
      writeCache<CourseMediaEntry[]>(client, snapshot, key, (list) => {
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
export function useRemoveCourseMediaMutation(courseId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (entry: CourseMediaEntry) => api<{ removed: boolean }>(`${filePath(entry.file.id)}/unlink`, {
      method: 'POST',
      body: { targetType: entry.targetType, targetId: entry.targetId, role: entry.role } satisfies MediaLinkInput,
    }),
    onMutate: async (entry) => {
      const key = mediaKeys.course(toValue(courseId))
      await client.cancelQueries({ queryKey: key })
      const snapshot: Snapshot = { entries: [] }
      writeCache<CourseMediaEntry[]>(client, snapshot, key, list => list?.filter(e => !samePlace(e, entry.file.id, entry)))
      return { snapshot }
    },
    onError: (error, _entry, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Could not remove the file: ${errorMessage(error)}`)
    },
    onSettled: (_data, _error, entry) => settle(client, toValue(courseId), [entry.file.id]),
  })
}
