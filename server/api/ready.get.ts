import { checkHealth } from '../services/health/check-health'
import { hasInternalToken } from '../utils/internal-token'
import { isDraining } from '../utils/draining'

// Readiness, for a proxy or an orchestrator deciding where to send work: 200 when the database,
// storage and Redis (when configured) answer and the instance is not shutting down, else 503.
// Anyone learns only ready or not; the checks and their details need the internal token. Liveness
// (is the process itself alive) is /api/health, which does not depend on the database: a database
// outage should take instances out of rotation, not get them restarted.
export default defineApiHandler(async (event) => {
  const report = { ...(await checkHealth()), draining: isDraining() }
  report.ok &&= !report.draining
  if (!report.ok) setResponseStatus(event, 503)
  return hasInternalToken(event) ? report : { ok: report.ok }
})
