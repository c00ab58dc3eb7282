// Starts the job runner once the database is ready (after dev migrations), and stops it with the
// server. Workers report to internal endpoints with LECTERN_INTERNAL_TOKEN; when none is
// configured, a random one is made for this process so its own workers can report.
import { randomBytes } from 'node:crypto'
import { startJobRunner, stopJobRunner } from '../jobs/runner'
import { ensureStorage } from '../uploads/storage'

export default defineNitroPlugin((nitroApp) => {
  // The one write to the environment (server/utils/config.ts reads it like every setting).
  process.env.LECTERN_INTERNAL_TOKEN ||= randomBytes(24).toString('hex')
  void startupWork()
    .then(() => ensureStorage())
    .then(() => startJobRunner())
    .catch(error => console.error('[jobs] the job runner did not start:', error))
  nitroApp.hooks.hook('close', () => stopJobRunner())
})
