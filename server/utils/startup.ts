// Start-up work that requests must wait for (dev migrations and demo seed). Nitro does not await
// async plugins, so the plugin registers its promise here and a middleware awaits it.
let ready: Promise<unknown> = Promise.resolve()

export function setStartupWork(work: Promise<unknown>): void {
  ready = work
}

export function startupWork(): Promise<unknown> {
  return ready
}
