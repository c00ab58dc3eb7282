// The Vue Query layer's writes for a lesson's captions. Not optimistic: a file is parsed on the
// server and may be refused with the line that is wrong, which the form shows; each success
// writes the answer into the lesson's list, and the lists that show captions are refreshed.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import type { QueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { CaptionAddInput, CaptionReplaceInput } from '#shared/schemas/caption'
import type { LessonCaption } from '#shared/types/caption'
import { errorMessage, useApi } from '../../api/api-client'
import { learningKeys } from '../learning/keys'
import { captionKeys } from './keys'
import { idempotencyKeyFor } from '../idempotency'

const captionsPath = (lessonId: string) => `/api/lessons/${encodeURIComponent(lessonId)}/captions`

/** The server's order: the default first, then by label. */
function sorted(captions: LessonCaption[]): LessonCaption[] {
  return [...captions].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.label.localeCompare(b.label))
}

function saved(client: QueryClient, caption: LessonCaption) {
  client.setQueryData<LessonCaption[]>(captionKeys.list(caption.lessonId), (list) => {
    if (!list) return list
    const others = list.filter(c => c.id !== caption.id).map(c => (caption.isDefault ? { ...c, isDefault: false } : c))
    return sorted([...others, caption])
  })
}

function settled(client: QueryClient, lessonId: string) {
  void client.invalidateQueries({ queryKey: captionKeys.list(lessonId) })
  void client.invalidateQueries({ queryKey: [...captionKeys.all, 'transcript', lessonId] })
  void client.invalidateQueries({ queryKey: learningKeys.courses() })
}

/** A picked file as the routes take it: its bytes base64-encoded (the server decodes and checks the text). */
export async function captionFileContent(file: File): Promise<Pick<CaptionAddInput, 'fileName' | 'content'>> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { fileName: file.name, content: btoa(binary) }
}

export function useAddCaptionMutation(lessonId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CaptionAddInput, attempt) => api<LessonCaption>(captionsPath(toValue(lessonId)), { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
    onSuccess: caption => saved(client, caption),
    onSettled: () => settled(client, toValue(lessonId)),
  })
}

export function useReplaceCaptionMutation(lessonId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ captionId, input }: { captionId: string, input: CaptionReplaceInput }) =>
      api<LessonCaption>(`${captionsPath(toValue(lessonId))}/${encodeURIComponent(captionId)}`, { method: 'PUT', body: input }),
    onSuccess: caption => saved(client, caption),
    onError: error => toast.error(`The captions were not replaced: ${errorMessage(error)}`),
    onSettled: () => settled(client, toValue(lessonId)),
  })
}

export function useMakeDefaultCaptionMutation(lessonId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (captionId: string) => api<LessonCaption>(`${captionsPath(toValue(lessonId))}/${encodeURIComponent(captionId)}`, { method: 'PATCH', body: { isDefault: true } }),
    onSuccess: caption => saved(client, caption),
    onError: error => toast.error(`The default was not changed: ${errorMessage(error)}`),
    onSettled: () => settled(client, toValue(lessonId)),
  })
}

export function useRemoveCaptionMutation(lessonId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (captionId: string, attempt) => api<{ id: string }>(`${captionsPath(toValue(lessonId))}/${encodeURIComponent(captionId)}`, { method: 'DELETE', idempotencyKey: idempotencyKeyFor(attempt) }),
    onSuccess: ({ id }) => client.setQueryData<LessonCaption[]>(captionKeys.list(toValue(lessonId)), list => list?.filter(c => c.id !== id)),
    onError: error => toast.error(`The captions were not removed: ${errorMessage(error)}`),
    onSettled: () => settled(client, toValue(lessonId)),
  })
}
