// Liveness: the process serves requests (200), whatever its dependencies say; an uptime check or
// an orchestrator's liveness probe calls it. Whether the instance should get work (database,
// storage, Redis reachable, not shutting down) is /api/ready. h3 answers HEAD with the GET
// handler, without the body.
export default defineApiHandler(() => ({ ok: true }))
