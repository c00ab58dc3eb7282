// The app's one PrismaClient. The connection (PostgreSQL or embedded PGlite) is chosen in
// server/database/connection.ts; server/plugins/database.ts closes it on shutdown.
import { PrismaClient } from '../generated/prisma/client'
import { openDatabase } from '../database/connection'
import type { DatabaseConnection } from '../database/connection'
import { lecternConfig } from './config'
import { countStatement } from './query-count'

let connection: DatabaseConnection | undefined
let client: PrismaClient | undefined

export function useDatabaseConnection(): DatabaseConnection {
  connection ??= openDatabase()
  return connection
}

function createClient(): PrismaClient {
  const adapter = useDatabaseConnection().adapter
  if (!lecternConfig().queryCounting) return new PrismaClient({ adapter })
  const counted = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] })
  counted.$on('query', countStatement)
  return counted
}

export function useDb(): PrismaClient {
  client ??= createClient()
  return client
}

export async function closeDb(): Promise<void> {
  await client?.$disconnect()
  await connection?.close()
  client = undefined
  connection = undefined
}
