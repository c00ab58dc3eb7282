// h3 routes a HEAD only to handlers registered for HEAD, and every API route is written for GET:
// so a HEAD is run as its GET. Node never sends a body in answer to a HEAD request, so the caller
// gets the GET's status and headers only. The upload protocol (tus) answers HEAD itself.
export default defineEventHandler((event) => {
  if (event.node.req.method !== 'HEAD' || !event.path.startsWith('/api/') || event.path.startsWith('/api/uploads')) return
  event.node.req.method = 'GET'
  // h3 keeps the method it read first on the event.
  ;(event as unknown as { _method?: string })._method = 'GET'
})
