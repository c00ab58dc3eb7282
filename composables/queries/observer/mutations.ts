// The Vue Query layer's writes for observers (the instructor's panel on a conversation) and each
// message's visibility. Linking waits for the server (only it knows the observer's name, or that
// the email has no account and was invited instead);
// unlinking is optimistic. Changing a message's visibility is optimistic too: the bubble's access
// and the dialog's cache change at once and roll back with a toast if the server refuses.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { toast } from 'vue-sonner'
import type { MaybeRefOrGetter } from 'vue'
import type { AddObserverInput, SetMessageVisibilityInput } from '#shared/schemas/observer'
import type { InvitationRow, LinkObserverResult, MessageVisibility, ObserverRow, StudentObservers } from '#shared/types/observer'
import { isInvitation } from '#shared/types/observer'
import { ApiRequestError, errorMessage, useApi } from '../../api/api-client'
import type { StreamData } from '../conversation/cache'
import { conversationKeys } from '../conversation/keys'
import { rollback, writeCache } from '../optimistic'
import type { Snapshot } from '../optimistic'
import { observersPath, visibilityPath } from './queries'
import { observerKeys } from './keys'
import { idempotencyKeyFor } from '../idempotency'

export function useLinkObserverMutation(studentId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: AddObserverInput, attempt) => api<LinkObserverResult>(observersPath(toValue(studentId)), { method: 'POST', idempotencyKey: idempotencyKeyFor(attempt), body: input }),
    onSuccess: (result) => {
      // An email with no account was invited: the invitation joins the panel's "Invited" list.
      if (isInvitation(result)) {
        client.setQueryData<InvitationRow[]>(observerKeys.invitations(toValue(studentId)), rows => rows && [...rows.filter(r => r.id !== result.id), result])
        toast.success(`No account uses ${result.email} yet: we mailed them an invitation`)
        return
      }
      const observer = result
      client.setQueryData<StudentObservers>(observerKeys.list(toValue(studentId)), data => data && ({
        ...data,
        observers: data.observers.some(o => o.id === observer.id) ? data.observers : [...data.observers, observer],
      }))
      toast.success(`${observer.name} can now read what you share with observers`)
    },
    onError: (error) => {
      // Refusals about the email (no account, not an observer) show under the input.
      if (!(error instanceof ApiRequestError && error.fields)) toast.error(`The observer was not linked: ${errorMessage(error)}`)
    },
    onSettled: () => Promise.all([
      client.invalidateQueries({ queryKey: observerKeys.list(toValue(studentId)) }),
      // Visibility dialogs list the linked observers.
      client.invalidateQueries({ queryKey: observerKeys.visibilities() }),
    ]),
  })
}

export function useUnlinkObserverMutation(studentId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (observer: Pick<ObserverRow, 'id' | 'name'>, attempt) =>
      api<{ removed: boolean }>(`${observersPath(toValue(studentId))}/${encodeURIComponent(observer.id)}`, { method: 'DELETE', idempotencyKey: idempotencyKeyFor(attempt) }),
    onMutate: async (observer) => {
      const key = observerKeys.list(toValue(studentId))
      await client.cancelQueries({ queryKey: key })
      const snapshot: Snapshot = { entries: [] }
      writeCache<StudentObservers>(client, snapshot, key, data => data && { ...data, observers: data.observers.filter(o => o.id !== observer.id) })
      return { snapshot }
    },
    onSuccess: (_answer, observer) => toast.success(`${observer.name} no longer sees this conversation`),
    onError: (error, observer, context) => {
      rollback(client, context?.snapshot)
      toast.error(`${observer.name} was not unlinked: ${errorMessage(error)}`)
    },
    onSettled: () => Promise.all([
      client.invalidateQueries({ queryKey: observerKeys.list(toValue(studentId)) }),
      client.invalidateQueries({ queryKey: observerKeys.visibilities() }),
    ]),
  })
}

export function useSetMessageVisibilityMutation(conversationId: MaybeRefOrGetter<string>) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ messageId, ...input }: SetMessageVisibilityInput & { messageId: string }) =>
      api<MessageVisibility>(visibilityPath(messageId), { method: 'PUT', body: input }),
    onMutate: async ({ messageId, access, grantedTo }) => {
      const snapshot: Snapshot = { entries: [] }
      await client.cancelQueries({ queryKey: observerKeys.visibility(messageId) })
      writeCache<MessageVisibility>(client, snapshot, observerKeys.visibility(messageId), data => data && { ...data, access, grantedTo })
      // Every loaded window of the conversation that shows the message: its visibility label moves.
      for (const [key] of client.getQueriesData<StreamData>({ queryKey: conversationKeys.stream(toValue(conversationId)) })) {
        writeCache<StreamData>(client, snapshot, key, data => data && {
          ...data,
          pages: data.pages.map(page => ({ ...page, messages: page.messages.map(m => (m.id === messageId ? { ...m, access, grantedTo } : m)) })),
        })
      }
      return { snapshot }
    },
    onSuccess: visibility => client.setQueryData(observerKeys.visibility(visibility.messageId), visibility),
    onError: (error, _input, context) => {
      rollback(client, context?.snapshot)
      toast.error(`Who may read the message did not change: ${errorMessage(error)}`)
    },
    onSettled: (_data, _error, { messageId }) => client.invalidateQueries({ queryKey: observerKeys.visibility(messageId) }),
  })
}
