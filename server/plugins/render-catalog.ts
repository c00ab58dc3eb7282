// The catalog a page render shows, loaded on the page's own request. The page's query function
// would otherwise ask GET /api/catalog with an inner request through the whole server again: every
// hook and middleware, the session unsealed again, a fake request and answer, JSON both ways
// (~1 ms of CPU and its garbage for every signed-in catalog page, bench/ssr.bench.ts). The loader
// takes the query the page would send and answers what the route would (server/utils/read-catalog.ts:
// the same schema, the same service and its cache); the client keeps asking the route.
import { catalogLinkQuery } from '#shared/schemas/catalog'
import { readCatalog } from '../utils/read-catalog'

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:before', ({ event }) => {
    event.context.loadCatalogPage = query => readCatalog(catalogLinkQuery(query))
  })
})
