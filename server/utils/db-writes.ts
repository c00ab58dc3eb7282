// Tells in-process caches that rows of a model were written (server/database/db.ts reports every
// create/update/delete/upsert through this process's Prisma client, in or out of a transaction),
// so a cache that copies rows can drop its copies instead of serving them until they expire.
// Writes made through another instance arrive over the realtime bus (server/realtime/bus.ts, with
// Redis): the models this process wrote in one turn of the event loop go out as one message.
// Raw SQL writes are not seen: such caches keep a short lifetime.
type Listener = (model: string) => void
const listeners = new Set<Listener>()
let share: ((models: string[]) => void) | undefined
let unshared: Set<string> | undefined

/** Calls `listener` after each write, here or on another instance; returns the unsubscribe function. */
export function onModelWrite(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Where this process's writes go for the other instances (the bus sets it). */
export function shareModelWrites(sender: ((models: string[]) => void) | undefined): void {
  share = sender
}

/** A write through this process's Prisma client. */
export function noteModelWrite(model: string): void {
  for (const listener of listeners) listener(model)
  if (!share) return
  if (!unshared) {
    unshared = new Set()
    setImmediate(() => {
      const models = [...unshared!]
      unshared = undefined
      share?.(models)
    })
  }
  unshared.add(model)
}

/** Writes made through another instance. */
export function noteRemoteModelWrites(models: string[]): void {
  for (const model of models) for (const listener of listeners) listener(model)
}
