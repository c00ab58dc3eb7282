// An internal caller (a test) may ask how many SQL statements a request's main call ran; see
// server/utils/query-count.ts. Anyone else's header is ignored, and without
// LECTERN_QUERY_COUNTING=1 nobody's is honoured.
export default defineEventHandler((event) => {
  if (getRequestHeader(event, 'x-lectern-count-queries') !== '1' || !lecternConfig().queryCounting) return
  if (hasInternalToken(event)) event.context.countQueries = true
})
