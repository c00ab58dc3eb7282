// Drives Prisma's WebAssembly schema engine directly. The Prisma CLI would download a native
// engine, which these machines cannot reach (STACK-NOTES); the wasm build that matches the CLI
// ships inside the `prisma` package, and @prisma/schema-engine-wasm provides its JS glue.
// Used by `npm run db:migrate`, `npm run db:migration:create` and the dev server at start.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm'
import { lecternConfig } from '../utils/config'

export const projectRoot = (): string => lecternConfig().projectRoot
export const schemaPath = (): string => join(projectRoot(), 'prisma', 'schema.prisma')
export const migrationsDir = (): string => join(projectRoot(), 'prisma', 'migrations')

const noFilters = { externalTables: [], externalEnums: [] }

async function loadEngineModule() {
  const require = createRequire(join(projectRoot(), 'package.json'))
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg') as Record<string, unknown> & {
    __wbg_set_wasm: (exports: WebAssembly.Exports) => void
    SchemaEngine: typeof SchemaEngine
  }
  const wasmPath = join(dirname(require.resolve('prisma/package.json')), 'build', 'schema_engine_bg.wasm')
  const module = await WebAssembly.compile(readFileSync(wasmPath))
  const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': glue as WebAssembly.ModuleImports })
  glue.__wbg_set_wasm(instance.exports)
  const start = instance.exports.__wbindgen_start as (() => void) | undefined
  start?.()
  return glue
}

let enginePromise: ReturnType<typeof loadEngineModule> | undefined

async function createEngine(adapter: SqlMigrationAwareDriverAdapterFactory, log: (line: string) => void): Promise<SchemaEngine> {
  enginePromise ??= loadEngineModule()
  const { SchemaEngine } = await enginePromise
  const schema = readFileSync(schemaPath(), 'utf8')
  return SchemaEngine.new(
    { datamodels: [[schemaPath(), schema]] },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(adapter),
  )
}

export function readMigrationList(dir = migrationsDir()): MigrationList {
  const lockPath = join(dir, 'migration_lock.toml')
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort()
    : []
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => {
      const file = join(dir, name, 'migration.sql')
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      }
    }),
  }
}

const quietLog = (line: string) => {
  if (lecternConfig().debugMigrations) console.error(line)
}

/** Applies every migration in prisma/migrations not yet recorded in `_prisma_migrations`. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await createEngine(adapter, quietLog)
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: noFilters })
    return result.appliedMigrationNames
  }
  finally {
    engine.free()
  }
}

/** The SQL that takes the committed migrations to the current schema.prisma ('' when in step). */
export async function diffSchemaAgainstMigrations(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const engine = await createEngine(adapter, quietLog)
  try {
    const list = readMigrationList()
    const result = await engine.diff({
      from: list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath(), content: readFileSync(schemaPath(), 'utf8') }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    })
    const sql = result.stdout ?? ''
    return /^\s*(--[^\n]*\n?\s*)*$/.test(sql) ? '' : sql
  }
  finally {
    engine.free()
  }
}
