// The rendered HTML of the public catalog pages (`/` and `/courses`, any query) for visitors who
// send no cookie at all, kept a few seconds. Such a visitor's page depends only on its address:
// no session, no preferences, no per-user state, and it sets no cookie. Rendering it is most of
// what a catalog page costs (bench/ssr.bench.ts: ~9 ms of server CPU against ~0.2 ms for the
// cached data), so under a crowd of anonymous visitors this is what keeps latency flat.
//
// Freshness is the catalog cache's (catalog-cache.ts): any write to what a card shows, here or on
// another instance, drops every page at once. Signed-in visitors (or anyone with a cookie) are
// always rendered.
import { onModelWrite } from '../../utils/db-writes'
import { CATALOG_MODELS, catalogCacheTtlMs } from './catalog-cache'

export interface CachedPage {
  body: string
  statusCode: number
  headers: Record<string, string>
  /**
   * The CSP nonce written into the page's scripts (nuxt-security). A hit is answered with the
   * same nonce in its Content-Security-Policy, or the browser would refuse the page's scripts.
   */
  nonce?: string
}

/** Distinct addresses kept at once (searches make many); the oldest go first. */
const MAX_PAGES = 200
const pages = new Map<string, { expires: number, page: CachedPage }>()

onModelWrite((model) => {
  if (CATALOG_MODELS.has(model)) pages.clear()
})

/** Is this request one whose page may come from, and go into, the cache? Returns its key. */
export function anonymousCatalogKey({ method, path, cookie }: { method: string, path: string, cookie: string | undefined }): string | null {
  if (method !== 'GET' || cookie) return null
  const pathname = path.split('?')[0]
  return pathname === '/' || pathname === '/courses' ? path : null
}

export function cachedPage(key: string, now = Date.now()): CachedPage | null {
  const hit = pages.get(key)
  if (hit && hit.expires > now) return hit.page
  if (hit) pages.delete(key)
  return null
}

export function keepPage(key: string, page: CachedPage, now = Date.now()): void {
  pages.delete(key)
  if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!)
  pages.set(key, { expires: now + catalogCacheTtlMs(), page })
}
