// Keeps the outbox in the browser: one localStorage entry per signed-in user, so a message written
// offline survives a reload or a closed tab and goes out the next time Lectern is open, in any tab.
// The entry is changed one send at a time (written when its send starts or changes, marked gone
// when it is sent or discarded), never rewritten whole: two tabs of one user each hold sends of
// their own, and neither may wipe the other's. (That is why the library persister, which writes
// the whole client under one key, does not fit; dehydrate/hydrate are the functions it uses too.)
// Another tab's new sends are adopted (hydrated as paused sends, then resumed; the idempotency key
// stores each once even if both tabs send it); a send marked gone elsewhere leaves this tab too.
import { dehydrate, hydrate } from '@tanstack/vue-query'
import type { DehydratedState, QueryClient } from '@tanstack/vue-query'
import { conversationKeys } from './keys'
import { clientKeyOf, isOutboxMutation, onEnterOutbox, wasDiscarded } from './outbox'
import type { AnyMutation, OutboxVariables } from './outbox'

export type StoredSend = DehydratedState['mutations'][number]
export interface StoredOutbox {
  v: 1
  sends: StoredSend[]
  /** Sends finished (sent or discarded), by idempotency key → when: a stale write of another tab never brings them back. */
  gone: Record<string, number>
}
const GONE_KEPT_MS = 7 * 24 * 60 * 60 * 1000
const GONE_KEPT_MAX = 500

export const outboxStorageKey = (userId: string) => `lectern:outbox:${userId}`
export const storedKey = (send: StoredSend) => (send.state.variables as OutboxVariables | undefined)?.input.clientKey ?? ''

/** A send as stored: one on its way is stored paused (restored, it resumes), its error as plain words. */
export function toStored(send: StoredSend): StoredSend {
  const { state } = send
  const error = state.status === 'error' ? { message: (state.error as Error | null)?.message ?? 'Not sent' } : null
  return { ...send, state: { ...state, context: undefined, isPaused: state.status === 'pending', failureCount: 0, failureReason: null, error: error as Error | null } }
}

export function parseOutbox(text: string | null, now = Date.now()): StoredOutbox {
  try {
    const value = JSON.parse(text ?? 'null') as StoredOutbox | null
    if (value?.v !== 1 || !Array.isArray(value.sends)) return { v: 1, sends: [], gone: {} }
    const gone = Object.fromEntries(Object.entries(value.gone ?? {}).filter(([, at]) => now - at < GONE_KEPT_MS))
    return { v: 1, sends: value.sends.filter(send => !!storedKey(send) && !(storedKey(send) in gone)), gone }
  }
  catch {
    return { v: 1, sends: [], gone: {} }
  }
}

/** The outbox with one send written (in its place if already there, else last), unless it is gone. */
export function withSend(outbox: StoredOutbox, send: StoredSend): StoredOutbox {
  const key = storedKey(send)
  if (key in outbox.gone) return outbox
  const at = outbox.sends.findIndex(s => storedKey(s) === key)
  const sends = at === -1 ? [...outbox.sends, send] : outbox.sends.map((s, i) => (i === at ? send : s))
  return { ...outbox, sends }
}

/** The outbox with one send marked gone (sent or discarded). */
export function withoutSend(outbox: StoredOutbox, clientKey: string, now = Date.now()): StoredOutbox {
  const gone = Object.entries({ ...outbox.gone, [clientKey]: now }).sort(([, a], [, b]) => b - a).slice(0, GONE_KEPT_MAX)
  return { v: 1, sends: outbox.sends.filter(s => storedKey(s) !== clientKey), gone: Object.fromEntries(gone) }
}

/**
 * Restores the signed-in user's outbox into the client, keeps it written as sends change, and
 * follows other tabs. Returns the stop.
 */
export function keepOutbox(client: QueryClient, userId: string): () => void {
  const key = outboxStorageKey(userId)
  const cache = client.getMutationCache()
  const read = () => parseOutbox(localStorage.getItem(key))
  const write = (outbox: StoredOutbox) => {
    try {
      if (outbox.sends.length || Object.keys(outbox.gone).length) localStorage.setItem(key, JSON.stringify(outbox))
      else localStorage.removeItem(key)
    }
    catch {
      // Storage full or blocked: the send still goes while this tab is open.
    }
  }
  const held = () => new Map(cache.findAll({ mutationKey: conversationKeys.outbox() }).map(m => [clientKeyOf(m) ?? '', m]))

  function save(mutation: AnyMutation) {
    const clientKey = clientKeyOf(mutation)
    if (!clientKey) return
    if (mutation.state.status === 'success') {
      write(withoutSend(read(), clientKey))
      cache.remove(mutation)
      return
    }
    if (mutation.state.status !== 'pending' && mutation.state.status !== 'error') return
    const [send] = dehydrate(client, { shouldDehydrateQuery: () => false, shouldDehydrateMutation: m => m === mutation }).mutations
    if (send) write(withSend(read(), toStored(send)))
  }

  /** Brings in what another tab stored, drops what it finished, and puts back what a stale write of it lost. */
  function follow() {
    const outbox = read()
    const here = held()
    const there = new Set(outbox.sends.map(storedKey))
    for (const [clientKey, mutation] of here) {
      if (clientKey in outbox.gone) cache.remove(mutation)
      else if (!there.has(clientKey)) save(mutation)
    }
    const fresh = outbox.sends.filter(send => !here.has(storedKey(send)))
    if (!fresh.length) return
    hydrate(client, { mutations: fresh, queries: [] })
    void client.resumePausedMutations()
  }

  const unsubscribe = cache.subscribe((event) => {
    const mutation = 'mutation' in event ? event.mutation : undefined
    if (!mutation || !isOutboxMutation(mutation)) return
    if (event.type === 'added' || event.type === 'updated') save(mutation)
    else if (event.type === 'removed' && wasDiscarded(mutation)) write(withoutSend(read(), clientKeyOf(mutation) ?? ''))
  })
  onEnterOutbox(client, save)
  // Read fresh and written one send at a time (not a useStorage ref: it rewrites the entry whole
  // and announces its own writes as storage events). The listener is hand-written too: its
  // lifetime is the signed-in user's, ended by the stop returned below, not a component's.
  const onStorage = (event: StorageEvent) => {
    if (event.key === key) follow()
  }
  window.addEventListener('storage', onStorage)
  follow()
  return () => {
    unsubscribe()
    onEnterOutbox(client, null)
    window.removeEventListener('storage', onStorage)
  }
}

/** Signing out: the user's outbox leaves this browser. */
export function forgetStoredOutbox(userId: string): void {
  localStorage.removeItem(outboxStorageKey(userId))
}
