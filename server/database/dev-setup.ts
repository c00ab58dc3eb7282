// `npm run dev` on a fresh clone just works: pending migrations are applied and the demo data is
// seeded into an empty database. Loaded by server/plugins/database.ts in dev only.
import { seedDemoData } from '../../prisma/seed/demo'
import { useDatabaseConnection, useDb } from './db'
import { applyMigrations } from './migrations'

export async function prepareDevDatabase(): Promise<void> {
  const applied = await applyMigrations(useDatabaseConnection().adapter)
  if (applied.length) console.info(`[lectern] applied migrations: ${applied.join(', ')}`)
  if (await seedDemoData(useDb())) console.info('[lectern] demo data created (see README for the demo accounts)')
}
