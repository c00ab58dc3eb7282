// Opens the database with the server and closes it with the server (PGlite must be closed, or its
// directory can be left unusable). In dev it also applies pending migrations and seeds the demo
// data into an empty database, so `npm run dev` on a fresh clone just works. (Recurring work such
// as the purge runs on the job runner: server/plugins/jobs.ts.)
export default defineNitroPlugin((nitroApp) => {
  const connection = useDatabaseConnection()
  console.info(`[lectern] database: ${connection.kind} at ${connection.location}`)
  nitroApp.hooks.hook('close', () => closeDb())

  setStartupWork((async () => {
    if (import.meta.dev) {
      const { applyMigrations } = await import('../database/migrations')
      const applied = await applyMigrations(connection.adapter)
      if (applied.length) console.info(`[lectern] applied migrations: ${applied.join(', ')}`)
      const { seedDemoData } = await import('../../prisma/seed/demo')
      if (await seedDemoData(useDb())) console.info('[lectern] demo data created (see README for the demo accounts)')
    }
  })().catch((error) => {
    console.error('[lectern] database start-up failed:', error)
    throw error
  }))
})
