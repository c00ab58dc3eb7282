// The database's life with the server (server/plugins/database.ts): opened at start-up (so its
// kind and place are known at once), closed on shutdown (PGlite must be closed, or its directory
// can be left unusable). Code outside services and the database layer never gets the client itself.
import { closeDb, useDatabaseConnection } from './db'

/** Opens the connection and says what it is, e.g. "pglite at .data/db". */
export function openServerDatabase(): string {
  const connection = useDatabaseConnection()
  return `${connection.kind} at ${connection.location}`
}

export function closeServerDatabase(): Promise<void> {
  return closeDb()
}
