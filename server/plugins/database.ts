// Opens the database with the server and closes it with the server. In dev it also applies
// pending migrations and seeds the demo data into an empty database (server/database/dev-setup.ts).
// (Recurring work such as the purge runs on the job runner: server/plugins/jobs.ts.)
import { closeServerDatabase, openServerDatabase } from '../database/lifecycle'

export default defineNitroPlugin((nitroApp) => {
  console.info(`[lectern] database: ${openServerDatabase()}`)
  nitroApp.hooks.hook('close', () => closeServerDatabase())

  setStartupWork((async () => {
    if (import.meta.dev) {
      const { prepareDevDatabase } = await import('../database/dev-setup')
      await prepareDevDatabase()
    }
  })().catch((error) => {
    console.error('[lectern] database start-up failed:', error)
    throw error
  }))
})
