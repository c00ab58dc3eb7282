// Optimistic writes with a safe rollback (STYLE.md, after atidone): snapshot what a mutation
// changes in the cache, and on error restore it only where the cache still holds our write, so a
// newer socket event or refetch is never undone.
import type { QueryClient, QueryKey } from '@tanstack/vue-query'

/** Snapshot of the caches a mutation touches, restored on error unless something newer landed. */
export interface Snapshot {
  entries: { key: QueryKey, before: unknown, written: unknown }[]
}

export function writeCache<T>(client: QueryClient, snapshot: Snapshot, key: QueryKey, update: (old: T | undefined) => T | undefined) {
  const before = client.getQueryData<T>(key)
  if (before === undefined) return
  client.setQueryData(key, update(before))
  // Read back what the cache holds: structural sharing stores a copy, not the object we passed.
  snapshot.entries.push({ key, before, written: client.getQueryData(key) })
}

export function rollback(client: QueryClient, snapshot: Snapshot | undefined) {
  for (const { key, before, written } of snapshot?.entries ?? []) {
    // Only undo our own write: a socket event or refetch may have put newer data there since.
    if (client.getQueryData(key) === written) client.setQueryData(key, before)
  }
}

export const optimisticId = () => `optimistic-${Math.random().toString(36).slice(2, 10)}`
