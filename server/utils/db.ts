// The app's one PrismaClient. The connection (PostgreSQL or embedded PGlite) is chosen in
// server/database/connection.ts; server/plugins/database.ts closes it on shutdown.
import { PrismaClient } from '../generated/prisma/client'
import { openDatabase } from '../database/connection'
import type { DatabaseConnection } from '../database/connection'

let connection: DatabaseConnection | undefined
let client: PrismaClient | undefined

export function useDatabaseConnection(): DatabaseConnection {
  connection ??= openDatabase()
  return connection
}

export function useDb(): PrismaClient {
  client ??= new PrismaClient({ adapter: useDatabaseConnection().adapter })
  return client
}

export async function closeDb(): Promise<void> {
  await client?.$disconnect()
  await connection?.close()
  client = undefined
  connection = undefined
}
