import { checkHealth } from '../services/health/check-health'

// Public on purpose (load balancers and uptime checks call it); it reports no secrets.
export default defineApiHandler(async (event) => {
  const report = await checkHealth()
  if (!report.ok) setResponseStatus(event, 503)
  return report
})
