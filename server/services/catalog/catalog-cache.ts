// The public catalog's answers, kept in this process for a few seconds: every anonymous visitor of
// `/` and `/courses` asks for the same first page, and each answer cost ~1.5 ms of PostgreSQL
// (half of it the exact count, an index-only scan of every live course) plus the server's share
// of five queries (bench/ssr.bench.ts). An entry is the pending promise itself, so visitors that
// arrive while a page loads share that one load.
//
// Freshness: any write to a course, chapter, lesson, caption (searched) or user (what a card shows: title, price,
// lesson count and length, instructor's name) drops every entry at once, whether made through
// this process or, with Redis, another instance (server/utils/db-writes.ts). Without Redis, a
// change made through another instance reaches this one's visitors within the TTL; so does one
// committed by a transaction while a page was being refilled (see server/database/db.ts).
import type { CatalogPage } from '#shared/types/catalog'
import { lecternConfig } from '../../utils/config'
import { onModelWrite } from '../../utils/db-writes'

export const catalogCacheTtlMs = (): number => lecternConfig().catalogCacheTtlMs
/** Distinct searches kept at once; the oldest go first. Pages and totals are each bounded by it. */
const MAX_ENTRIES = 500
export const CATALOG_MODELS = new Set(['Course', 'Chapter', 'Video', 'Caption', 'User'])

interface Entry<T> { expires: number, value: Promise<T> }
const pages = new Map<string, Entry<CatalogPage>>()
const totals = new Map<string, Entry<number>>()

onModelWrite((model) => {
  if (!CATALOG_MODELS.has(model)) return
  pages.clear()
  totals.clear()
})

function cached<T>(entries: Map<string, Entry<T>>, key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key)
  if (hit && hit.expires > now) return hit.value
  entries.delete(key)
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  const value = load()
  const entry = { expires: now + catalogCacheTtlMs(), value }
  entries.set(key, entry)
  // A failed load is not kept: the next visitor tries again.
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key)
  })
  return value
}

/** One page of the catalog for a normalised query (its key), loaded at most once per TTL. */
export function cachedCatalogPage(key: string, load: () => Promise<CatalogPage>): Promise<CatalogPage> {
  return cached(pages, key, load)
}

/** How many courses match a search and filters (its key): the same for every page of it. */
export function cachedCatalogTotal(key: string, load: () => Promise<number>): Promise<number> {
  return cached(totals, key, load)
}
