// Starts the job runner once the database is ready (after dev migrations), and stops it with the
// server: on SIGTERM it claims no more work (server/plugins/graceful-shutdown.ts), and what is
// still running when the server closes goes back to the queue for another instance. Workers
// report to internal endpoints with LECTERN_INTERNAL_TOKEN; when none is configured, a random one
// is made for this process so its own workers can report.
import { randomBytes } from 'node:crypto'
import { handBackRunningJobs, startJobRunner } from '../jobs/runner'
import { beforeDatabaseCloses } from '../database/lifecycle'
import { useObjectStore } from '../storage'

export default defineNitroPlugin(() => {
  // The one write to the environment (server/utils/config.ts reads it like every setting).
  process.env.LECTERN_INTERNAL_TOKEN ||= randomBytes(24).toString('hex')
  void startupWork()
    .then(() => useObjectStore().prepare())
    .then(() => startJobRunner())
    .catch(error => console.error('[jobs] the job runner did not start:', error))
  beforeDatabaseCloses(async () => {
    const handedBack = await handBackRunningJobs()
    if (handedBack) console.info(`[jobs] ${handedBack} running job(s) handed back for another instance`)
  })
})
