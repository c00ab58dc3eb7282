// Nitro gives every request its own copy of the runtime config the first time a handler asks with
// the event (`useRuntimeConfig(event)`), and builds that copy by re-reading the environment for
// every key of the config: a snake-cased name looked up in process.env per key. nuxt-site-config
// asks for it on every request, the inner ones too (a page's session and data fetches), and that
// re-read was ~1 ms of server CPU per request, a tenth of a signed-in catalog page
// (bench/ssr.bench.ts). The environment does not change while the server runs, so each request now
// gets a copy of the config Nitro already built from it at start-up: the same values, still its
// own object to change.

/** A deep copy of plain JSON-like data (what the runtime config is): several times cheaper than structuredClone. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy)
  if (value === null || typeof value !== 'object') return value
  const result: Record<string, unknown> = {}
  for (const key of Object.keys(value)) result[key] = copy((value as Record<string, unknown>)[key])
  return result
}

export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig()
  nitroApp.hooks.hook('request', (event) => {
    const nitro = event.context.nitro as { runtimeConfig?: unknown } | undefined
    if (nitro && !nitro.runtimeConfig) nitro.runtimeConfig = copy(config)
  })
})
