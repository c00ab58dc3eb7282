// Tells in-process caches that rows of a model were written through this process's Prisma client
// (server/database/db.ts reports every create/update/delete/upsert, in or out of a transaction), so a
// cache that copies rows can drop its copies instead of serving them until they expire.
// Writes by another instance, or by raw SQL, are not seen: such caches keep a short lifetime.
type Listener = (model: string) => void
const listeners = new Set<Listener>()

/** Calls `listener` after each write through Prisma; returns the unsubscribe function. */
export function onModelWrite(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function noteModelWrite(model: string): void {
  for (const listener of listeners) listener(model)
}
