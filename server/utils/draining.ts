// Whether this instance is shutting down (server/plugins/graceful-shutdown.ts): it then answers
// readiness with 503 so a proxy or orchestrator stops sending it new work.
let draining = false

export const isDraining = (): boolean => draining

export function startDraining(): void {
  draining = true
}
