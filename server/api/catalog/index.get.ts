// GET /api/catalog?q=&category=&level=&sort=&page= — public.
import { CatalogQuery } from '#shared/schemas/catalog'
import { listCatalog } from '../../services/catalog/list-catalog'

export default defineApiHandler(async (event) => {
  return listCatalog(readQuery(event, CatalogQuery))
})
