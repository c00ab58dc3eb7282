// The database's life with the server (server/plugins/database.ts): opened at start-up (so its
// kind and place are known at once), closed on shutdown (PGlite must be closed, or its directory
// can be left unusable). Code outside services and the database layer never gets the client itself.
import { closeDb, useDatabaseConnection } from './db'

/** Opens the connection and says what it is, e.g. "pglite at .data/db". */
export function openServerDatabase(): string {
  const connection = useDatabaseConnection()
  return `${connection.kind} at ${connection.location}`
}

/**
 * Shutdown work that still needs the database (handing running jobs back). Nitro runs the
 * plugins' close hooks one after another in plugin order, and the database's may come first, so
 * such work registers here and runs before the connection closes.
 */
const beforeClose: (() => Promise<unknown>)[] = []

export function beforeDatabaseCloses(work: () => Promise<unknown>): void {
  beforeClose.push(work)
}

export async function closeServerDatabase(): Promise<void> {
  const results = await Promise.allSettled(beforeClose.map(work => work()))
  for (const result of results) if (result.status === 'rejected') console.error('[lectern] shutdown work failed:', result.reason)
  await closeDb()
}
