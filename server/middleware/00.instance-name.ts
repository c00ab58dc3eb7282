// Behind a proxy with several instances, which one answered: every response says its name in
// X-Lectern-Instance when LECTERN_INSTANCE_NAME is set (ops following a request, the cluster
// test checking that uploads alternate between instances). Unset, nothing is added: a public
// site need not tell the world how many processes it runs.
// Read once: the environment is fixed while the server runs, and reading every setting again on
// every request (the inner fetches of a page render too) was measurable (bench/ssr.bench.ts).
const name = lecternConfig().instanceName

export default defineEventHandler((event) => {
  if (name) setResponseHeader(event, 'x-lectern-instance', name)
})
