// The outbox: my messages on their way to the server. Each send is a Vue Query mutation keyed by
// its conversation; sends of one conversation go one at a time, in the order written (a mutation
// scope). While the browser is offline a send is paused at once ("Waiting for connection"); a
// connection failure, a gateway's 502–504 or a 429 ("too many, wait") keeps it waiting and trying
// again, never "failed". Only a refusal (any other error) fails it, with Retry and Discard.
// What sending does is registered once as the mutations' defaults, so a send restored from the
// browser's storage after a reload or in another tab (outbox-storage.ts) knows how to go out; the
// idempotency key (clientKey) makes every resend store the message once.
import { MutationObserver, partialMatchKey, useMutationState, useQueryClient } from '@tanstack/vue-query'
import type { Mutation, MutationState, QueryClient } from '@tanstack/vue-query'
import type { MaybeRefOrGetter } from 'vue'
import type { SendMessageInput } from '#shared/schemas/conversation'
import type { AttachmentReference, ChatMessage, MessageAttachment, Participant, PendingAttachment } from '#shared/types/conversation'
import { ApiRequestError, isConnectionFailure } from '../../api/api-client'
import type { ApiCall } from '../../api/api-client'
import { messageReceived } from './cache'
import type { StreamMessage } from './cache'
import { conversationKeys } from './keys'
import { useNetworkOnline } from '../network-online'

export interface OutboxVariables {
  conversationId: string
  input: SendMessageInput
  /** What the bubble shows until the server's message replaces it (kept with the send, so it survives a reload). */
  shown: { createdAt: string, sender: Participant | null, attachments: MessageAttachment[], reference: AttachmentReference | null }
}
export type OutboxMutation = Mutation<ChatMessage, Error, OutboxVariables, unknown>
type OutboxState = MutationState<ChatMessage, Error, OutboxVariables, unknown>
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any mutation of the cache, whatever its types
export type AnyMutation = Mutation<any, any, any, any>

/** Thrown instead of sending when the message left the outbox meanwhile (discarded, or sent by another tab). */
class LeftOutbox extends Error {}

/** Why a failed attempt should wait and go again rather than fail: the line, or the server asking for time. */
export function waitReason(error: unknown): 'connection' | 'server' | null {
  if (!(error instanceof ApiRequestError)) return null
  if (error.status === 429) return 'server'
  return isConnectionFailure(error) ? 'connection' : null
}

/** How long to wait before the next attempt: what a 429 asked for, else 1 s, 2 s, 4 s… up to 30 s. */
export function nextAttemptIn(failureCount: number, error: unknown): number {
  const asked = error instanceof ApiRequestError ? Number(error.details?.retryAfter) : Number.NaN
  if (waitReason(error) === 'server' && Number.isFinite(asked) && asked > 0) return Math.min(asked, 600) * 1000
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failureCount - 1))
}

export const isOutboxMutation = (mutation: AnyMutation) =>
  !!mutation.options.mutationKey && partialMatchKey(mutation.options.mutationKey, conversationKeys.outbox())
export const clientKeyOf = (mutation: AnyMutation) => (mutation.state.variables as OutboxVariables | undefined)?.input.clientKey
export function findInOutbox(client: QueryClient, clientKey: string): OutboxMutation | undefined {
  // `find` matches the key exactly unless told otherwise: any conversation's outbox.
  return client.getMutationCache().find({ mutationKey: conversationKeys.outbox(), exact: false, predicate: m => clientKeyOf(m) === clientKey }) as OutboxMutation | undefined
}

/** What sending does, for every send of this client: new ones and those restored from storage. */
export function registerOutbox(client: QueryClient, api: ApiCall): void {
  const unsentKey = (conversationId: string) => conversationKeys.unsentAttachments(conversationId)
  client.setMutationDefaults<ChatMessage, Error, OutboxVariables>(conversationKeys.outbox(), {
    mutationFn: ({ conversationId, input }) => {
      if (!findInOutbox(client, input.clientKey)) return Promise.reject(new LeftOutbox('No longer in the outbox'))
      return api<ChatMessage>(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, { method: 'POST', body: input })
    },
    retry: (_failures, error) => waitReason(error) !== null,
    retryDelay: nextAttemptIn,
    // A failed send stays until it is retried or discarded; a sent one leaves (outbox-storage.ts).
    gcTime: Number.POSITIVE_INFINITY,
    // Kept in the browser's storage: closing the tab loses nothing (unsent-changes.ts).
    meta: { survivesTab: true },
    // The files leave the composer and ride in the bubble.
    onMutate: ({ conversationId, input }) => {
      const ids = input.attachmentIds ?? []
      if (ids.length) client.setQueryData<PendingAttachment[]>(unsentKey(conversationId), list => list?.filter(a => !ids.includes(a.id)))
    },
    onSuccess: message => messageReceived(client, message),
    // Whatever was not sent is still mine to send: the server's list says which.
    onError: (_error, { conversationId, input }) => {
      if (input.attachmentIds?.length) void client.invalidateQueries({ queryKey: unsentKey(conversationId) })
    },
    onSettled: () => client.invalidateQueries({ queryKey: conversationKeys.list(), refetchType: 'none' }),
  })
}

/** Hooks run right after a send enters the outbox (outbox-storage.ts writes it to the browser's storage then). */
const enteredHooks = new WeakMap<QueryClient, (mutation: OutboxMutation) => void>()
export function onEnterOutbox(client: QueryClient, hook: ((mutation: OutboxMutation) => void) | null): void {
  if (hook) enteredHooks.set(client, hook)
  else enteredHooks.delete(client)
}

/** Puts a message in the outbox: it is there (and stored) when this returns; the promise says when it is sent. */
export function sendToOutbox(client: QueryClient, variables: OutboxVariables): Promise<ChatMessage> {
  const observer = new MutationObserver<ChatMessage, Error, OutboxVariables>(client, {
    mutationKey: conversationKeys.outboxOf(variables.conversationId),
    scope: { id: `send-message:${variables.conversationId}` },
  })
  const sent = observer.mutate(variables)
  const mutation = findInOutbox(client, variables.input.clientKey)
  if (mutation) enteredHooks.get(client)?.(mutation)
  return sent.finally(() => observer.reset())
}

/** Sends removed on purpose (discarded), as opposed to a cache cleared at sign-in: only those leave the browser's storage. */
const discarded = new WeakSet<object>()
export const wasDiscarded = (mutation: object) => discarded.has(mutation)

/** "Discard": the message leaves the outbox (not sent further); its files go back to the composer. */
export function discardFromOutbox(client: QueryClient, clientKey: string): void {
  const mutation = findInOutbox(client, clientKey)
  if (!mutation) return
  discarded.add(mutation)
  client.getMutationCache().remove(mutation)
  // The next send of its conversation may have been waiting its turn.
  void client.resumePausedMutations()
  void client.invalidateQueries({ queryKey: conversationKeys.unsentAttachments(mutation.state.variables!.conversationId) })
}

/** How many messages are not sent yet, in every conversation, live. */
export function useUnsentCount() {
  const states = useMutationState(() => ({ filters: { mutationKey: conversationKeys.outbox(), predicate: m => m.state.status === 'pending' || m.state.status === 'error' } }))
  return computed(() => states.value.length)
}

/** Signing out: the whole outbox is dropped, sent no further (the caller forgets the stored copy). */
export function useDropOutbox() {
  const client = useQueryClient()
  return () => {
    const cache = client.getMutationCache()
    for (const mutation of cache.findAll({ mutationKey: conversationKeys.outbox() })) cache.remove(mutation)
  }
}

/** "Retry" on a refused send: the same message (same idempotency key) goes to the back of the outbox. */
export function retryFromOutbox(client: QueryClient, clientKey: string): Promise<ChatMessage> | null {
  const mutation = findInOutbox(client, clientKey)
  const variables = mutation?.state.variables
  if (!mutation || !variables) return null
  client.getMutationCache().remove(mutation)
  return sendToOutbox(client, variables)
}

/**
 * The outbox of a conversation as bubbles, in the order written. A send waits when the browser is
 * offline, when its last attempt hit the line or a 429, or when one ahead of it waits (they go
 * in order); it is "sending" otherwise, "failed" once refused.
 */
export function outboxMessages(states: OutboxState[], online: boolean): StreamMessage[] {
  let ahead: StreamMessage['waitingFor'] | undefined
  const bubbles: StreamMessage[] = []
  for (const state of states) {
    const variables = state.variables
    if (!variables || (state.status !== 'pending' && state.status !== 'error')) continue
    let status: StreamMessage['status'] = 'sending'
    let waitingFor: StreamMessage['waitingFor']
    if (state.status === 'error') {
      status = 'failed'
    }
    else {
      waitingFor = !online ? 'connection' : (waitReason(state.failureReason) ?? ahead)
      if (waitingFor) status = 'waiting'
      ahead ??= waitingFor
    }
    const { input, shown, conversationId } = variables
    bubbles.push({
      id: `outbox-${input.clientKey}`, conversationId, type: input.type, body: input.body, targetDate: input.targetDate,
      createdAt: shown.createdAt, sender: shown.sender, courseId: input.courseId ?? null, payload: {},
      access: input.access ?? 'PARTICIPANTS', clientKey: input.clientKey, attachments: shown.attachments, reference: shown.reference,
      status, ...(waitingFor ? { waitingFor } : {}),
    })
  }
  return bubbles
}

/** A conversation's outbox, live: the bubbles to draw after the stream. */
export function useOutbox(conversationId: MaybeRefOrGetter<string>) {
  const online = useNetworkOnline()
  const states = useMutationState<OutboxState>(() => ({
    filters: { mutationKey: conversationKeys.outboxOf(toValue(conversationId)) },
    select: mutation => mutation.state as OutboxState,
  }))
  return computed(() => outboxMessages(states.value as OutboxState[], online.value))
}
