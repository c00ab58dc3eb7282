// Which database the test run uses, in this order: TEST_DATABASE_URL or DATABASE_URL as given;
// else a throwaway database on the local PostgreSQL (127.0.0.1:5432) if one answers; else an
// embedded PGlite directory (then tests that need a second process on the database skip).
import { randomBytes } from 'node:crypto'
import { createConnection } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase } from '../../server/database/connection'
import { applyMigrations } from '../../server/database/migrations'

export interface TestDatabase {
  kind: 'postgresql' | 'pglite'
  /** Set for PostgreSQL: the test process may open it too (fixtures, assertions). */
  url?: string
  /** Set for PGlite: only the server may open it. */
  pgliteDir?: string
  description: string
  dispose: () => Promise<void>
}

export function answers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

export async function provisionTestDatabase(): Promise<TestDatabase> {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  if (given) return { kind: 'postgresql', url: given, description: 'PostgreSQL from (TEST_)DATABASE_URL', dispose: async () => {} }

  if (await answers('127.0.0.1', 5432)) {
    const admin = process.env.TEST_POSTGRES_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres'
    try {
      const created = await createDatabaseOn(admin, 'lectern_test')
      return { kind: 'postgresql', url: created.url, description: `throwaway PostgreSQL database ${created.name}`, dispose: created.drop }
    }
    catch (error) {
      console.warn(`[tests] PostgreSQL answers on 127.0.0.1:5432 but a test database could not be created (${(error as Error).message}); using PGlite.`)
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'lectern-test-pglite-'))
  return {
    kind: 'pglite',
    pgliteDir: join(dir, 'db'),
    description: `embedded PGlite in ${dir} (no PostgreSQL found)`,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * A new, migrated database on the PostgreSQL server of `url`, for a test file that needs one of
 * its own (row checksums, a job queue no other server shares), and how to drop it.
 */
export async function migratedDatabaseBeside(url: string, prefix: string): Promise<{ url: string, drop: () => Promise<void> }> {
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const created = await createDatabaseOn(admin.toString(), prefix)
  const connection = openDatabase({ databaseUrl: created.url })
  try {
    await applyMigrations(connection.adapter)
  }
  finally {
    await connection.close()
  }
  return { url: created.url, drop: created.drop }
}

/** A new, empty database named `<prefix>_<time>_<random>` on the server of `adminUrl` (a connection with CREATE DATABASE rights), and how to drop it. */
async function createDatabaseOn(adminUrl: string, prefix: string): Promise<{ name: string, url: string, drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    try {
      await client.connect()
      await client.query(sql)
    }
    finally {
      await client.end().catch(() => {})
    }
  }
  await onServer(`CREATE DATABASE "${name}"`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { name, url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
}
