// What SIGTERM (or SIGINT) starts here, in the moment before Nitro's own graceful shutdown (which
// stops accepting connections, lets requests in flight finish — an upload's 8 MiB PATCH included —
// for up to NITRO_SHUTDOWN_TIMEOUT, then runs the close hooks): readiness answers 503, the job
// runner claims no more work (what runs is handed back at close: server/plugins/jobs.ts), and every
// socket is closed with 1012 "service restart", on which clients reconnect: through a proxy, to an
// instance that stays. Plugins run before the server listens, so these listeners come before
// Nitro's and the close frames go out before Nitro drops idle connections (an upgraded socket is
// one). Not in development, where the dev server owns the process's signals.
import { CLOSE_SERVICE_RESTART } from '#shared/realtime/protocol'
import { stopJobRunner } from '../jobs/runner'
import { closeAllPeers } from '../realtime/peers'
import { isDraining, startDraining } from '../utils/draining'

function drain(signal: string): void {
  if (isDraining()) return
  startDraining()
  stopJobRunner()
  const sockets = closeAllPeers(CLOSE_SERVICE_RESTART, 'Lectern is restarting')
  console.info(`[lectern] ${signal}: draining (${sockets} socket(s) told to reconnect elsewhere, no new jobs), finishing requests in flight`)
}

export default defineNitroPlugin(() => {
  if (import.meta.dev) return
  for (const signal of lecternConfig().shutdownSignals) process.once(signal, drain)
})
