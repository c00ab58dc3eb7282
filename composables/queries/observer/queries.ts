// The Vue Query layer's reads for observers: the observers linked to one student (the instructor's
// panel beside a conversation), and who may read one message (its "Visibility…" dialog).
import { useQuery } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { InvitationRow, MessageVisibility, StudentObservers } from '#shared/types/observer'
import { useApi } from '../../api/api-client'
import { observerKeys } from './keys'

export const observersPath = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/observers`
export const invitationsPath = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/invitations`
export const visibilityPath = (messageId: string) => `/api/messages/${encodeURIComponent(messageId)}/visibility`

export function useStudentObserversQuery(studentId: MaybeRefOrGetter<string | null | undefined>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => observerKeys.list(toValue(studentId) ?? '')),
    queryFn: () => api<StudentObservers>(observersPath(toValue(studentId)!)),
    enabled: computed(() => !!toValue(studentId)),
  })
}

export function useMessageVisibilityQuery(messageId: MaybeRefOrGetter<string | null>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => observerKeys.visibility(toValue(messageId) ?? '')),
    queryFn: () => api<MessageVisibility>(visibilityPath(toValue(messageId)!)),
    enabled: computed(() => !!toValue(messageId)),
  })
}

/** The invitations this instructor sent for the student that nobody accepted yet. */
export function useStudentInvitationsQuery(studentId: MaybeRefOrGetter<string | null | undefined>) {
  const api = useApi()
  return useQuery({
    queryKey: computed(() => observerKeys.invitations(toValue(studentId) ?? '')),
    queryFn: () => api<InvitationRow[]>(invitationsPath(toValue(studentId)!)),
    enabled: computed(() => !!toValue(studentId)),
  })
}
