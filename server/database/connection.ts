// Chooses the database for this process: PostgreSQL when DATABASE_URL is set, otherwise the
// embedded PGlite in LECTERN_DATA_DIR/db (default .data/db). The same factory feeds the app's
// PrismaClient, the migration engine and the seed/test scripts, so all of them agree.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { lecternConfig } from '../utils/config'

export type DatabaseKind = 'postgresql' | 'pglite'

export interface DatabaseConnection {
  kind: DatabaseKind
  /** Where the data lives, for messages: a URL without password, or a directory. */
  location: string
  adapter: SqlMigrationAwareDriverAdapterFactory
  close: () => Promise<void>
}

export function dataDir(): string {
  return lecternConfig().dataDir
}

export function pgliteDir(): string {
  return join(dataDir(), 'db')
}

function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  }
  catch {
    return 'postgresql://(unparsable url)'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite keeps no lock of its own, and two processes writing one directory corrupt it. This lock
 * turns that into a clear error ("stop the server first") instead.
 */
function lockPglite(dir: string): () => void {
  const lockFile = join(dir, 'lectern.pid')
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'))
    if (pid && pid !== process.pid && isAlive(pid))
      throw new Error(`The embedded database in ${dir} is in use by process ${pid} (probably a running Lectern server). Stop it first, or set DATABASE_URL to use PostgreSQL.`)
  }
  writeFileSync(lockFile, String(process.pid))
  return () => rmSync(lockFile, { force: true })
}

const PGLITE_EXTENSIONS = { pg_trgm }

/** The adapter, with the extensions the migrations need in its shadow database too. */
class PGliteWithExtensions extends PrismaPGlite {
  override connectToShadowDb() {
    return new PrismaPGlite(new PGlite({ dataDir: 'memory://shadow', extensions: PGLITE_EXTENSIONS })).connect()
  }
}

export function openDatabase(options: { databaseUrl?: string, pgliteDir?: string } = {}): DatabaseConnection {
  const url = options.databaseUrl ?? lecternConfig().databaseUrl
  if (url) {
    const adapter = new PrismaPg({ connectionString: url, max: lecternConfig().databasePoolSize })
    return { kind: 'postgresql', location: redact(url), adapter, close: async () => {} }
  }
  const dir = options.pgliteDir ?? pgliteDir()
  mkdirSync(dir, { recursive: true })
  const unlock = lockPglite(dir)
  // PGlite starts its WebAssembly Postgres in the background; queries wait for it.
  const pglite = new PGlite(dir, { extensions: PGLITE_EXTENSIONS })
  return {
    kind: 'pglite',
    location: dir,
    adapter: new PGliteWithExtensions(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    close: async () => {
      if (!pglite.closed) await pglite.close()
      unlock()
    },
  }
}
