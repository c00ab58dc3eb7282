// What GET /api/catalog answers, from a link's query fields: the route calls it with the request's
// query string, and a page render with the query its page would send (server/plugins/render-catalog.ts),
// so both go through the same schema to the same service and answer the same page.
import type { CatalogPage } from '#shared/types/catalog'
import { CatalogQuery } from '#shared/schemas/catalog'
import { listCatalog } from '../services/catalog/list-catalog'
import { validateQuery } from './api'

export function readCatalog(query: Record<string, unknown>): Promise<CatalogPage> {
  return listCatalog(validateQuery(CatalogQuery, query))
}
