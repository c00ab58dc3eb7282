// Behind a proxy with several instances, which one answered: every response says its name in
// X-Lectern-Instance when LECTERN_INSTANCE_NAME is set (ops following a request, the cluster
// test checking that uploads alternate between instances). Unset, nothing is added: a public
// site need not tell the world how many processes it runs.
export default defineEventHandler((event) => {
  const name = lecternConfig().instanceName
  if (name) setResponseHeader(event, 'x-lectern-instance', name)
})
