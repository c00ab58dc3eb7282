// Direct database access for tests that need it (fixtures the API cannot make, such as a course
// deleted 31 days ago, and "nothing was written" checks). Only with PostgreSQL: the embedded
// PGlite belongs to the server process. Tests that need it use `describeWithDatabase`.
import { describe, inject } from 'vitest'
import { PrismaClient } from '../../server/generated/prisma/client'
import { openDatabase } from '../../server/database/connection'

export const databaseUrl = inject('databaseUrl')

export const NEEDS_SHARED_DATABASE = 'needs PostgreSQL: the test process and the server must both open the database (PGlite allows one process)'

let client: PrismaClient | undefined

export function testDb(): PrismaClient {
  if (!databaseUrl) throw new Error(NEEDS_SHARED_DATABASE)
  client ??= new PrismaClient({ adapter: openDatabase({ databaseUrl }).adapter })
  return client
}

/** describe() that skips, saying why, when the run uses PGlite (no PostgreSQL on this machine). */
export const describeWithDatabase = (name: string, body: () => void) =>
  (databaseUrl ? describe : describe.skip)(databaseUrl ? name : `${name} [skipped: ${NEEDS_SHARED_DATABASE}]`, body)
