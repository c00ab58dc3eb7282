// GET /api/catalog?q=&category=&level=&sort=&page= — public.
import { readCatalog } from '../../utils/read-catalog'

export default defineApiHandler(event => readCatalog(getQuery(event)))
