// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL,
// else the embedded PGlite in .data/db; stop the server first in that case).
import { openDatabase } from '../../server/database/connection.ts'
import { applyMigrations } from '../../server/database/migrations.ts'

const db = openDatabase()
try {
  const applied = await applyMigrations(db.adapter)
  console.log(applied.length
    ? `applied ${applied.length} migration(s) to ${db.location}: ${applied.join(', ')}`
    : `${db.location} is up to date`)
}
finally {
  await db.close()
}
