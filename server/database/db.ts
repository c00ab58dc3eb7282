// The app's one PrismaClient. The connection (PostgreSQL or embedded PGlite) is chosen in
// server/database/connection.ts; server/plugins/database.ts closes it on shutdown.
import { PrismaClient } from '../generated/prisma/client'
import { openDatabase } from './connection'
import type { DatabaseConnection } from './connection'
import { lecternConfig } from '../utils/config'
import { countStatement } from '../utils/query-count'
import { noteModelWrite } from '../utils/db-writes'

let connection: DatabaseConnection | undefined
let client: PrismaClient | undefined

export function useDatabaseConnection(): DatabaseConnection {
  connection ??= openDatabase()
  return connection
}

function createClient(): PrismaClient {
  const adapter = useDatabaseConnection().adapter
  if (!lecternConfig().queryCounting) return reportingWrites(new PrismaClient({ adapter }))
  const counted = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] })
  counted.$on('query', countStatement)
  return reportingWrites(counted)
}

const READS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy'])

/**
 * Every model write is reported once it has run (server/utils/db-writes.ts). Inside a transaction
 * that is before the commit: a cache refilled in between holds the old rows until it expires.
 */
function reportingWrites(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (READS.has(operation)) return query(args)
          const result = await query(args)
          noteModelWrite(model)
          return result
        },
      },
    },
  }) as unknown as PrismaClient
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
