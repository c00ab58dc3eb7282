// Direct database access for tests that need it (fixtures the API cannot make, such as a course
// deleted 31 days ago, and "nothing was written" checks). Only with PostgreSQL: the embedded
// PGlite belongs to the server process. Tests that need it use `describeWithDatabase`.
import { describe, expect, inject } from 'vitest'
import { PrismaClient } from '../../server/generated/prisma/client'
import { openDatabase } from '../../server/database/connection'

export const databaseUrl = inject('databaseUrl')

export const NEEDS_SHARED_DATABASE = 'needs PostgreSQL: the test process and the server must both open the database (PGlite allows one process)'

const clients = new Map<string, PrismaClient>()
let pointedAt: string | undefined

/**
 * Points testDb() at another database (the S3 instance's, tests/support/stores-under-test.ts);
 * undefined goes back to the shared one.
 */
export function pointTestDbAt(url: string | undefined): void {
  pointedAt = url
}

export function testDb(): PrismaClient {
  const url = pointedAt ?? databaseUrl
  if (!url) throw new Error(NEEDS_SHARED_DATABASE)
  if (!clients.has(url)) clients.set(url, new PrismaClient({ adapter: openDatabase({ databaseUrl: url }).adapter }))
  return clients.get(url)!
}

/** Closes the client of a database that is about to go. */
export async function forgetTestDb(url: string): Promise<void> {
  await clients.get(url)?.$disconnect()
  clients.delete(url)
}

/** describe() that skips, saying why, when the run uses PGlite (no PostgreSQL on this machine). */
export const describeWithDatabase = (name: string, body: () => void) =>
  (databaseUrl ? describe : describe.skip)(databaseUrl ? name : `${name} [skipped: ${NEEDS_SHARED_DATABASE}]`, body)

/**
 * Back-dates an upload's row as if nobody had sent it for `ms`, once the server has written the
 * bytes it received (server/uploads/liveness.ts writes them without holding the PATCH's answer; a
 * write landing after the back-dating would make the upload look live again).
 */
export async function backdateUpload(storageKey: string, receivedBytes: number, ms: number): Promise<void> {
  await expect.poll(async () => (await testDb().mediaFile.findUnique({ where: { storageKey }, select: { receivedBytes: true } }))?.receivedBytes).toBe(BigInt(receivedBytes))
  await testDb().mediaFile.update({ where: { storageKey }, data: { updatedAt: new Date(Date.now() - ms) } })
}
