// The catalog's address is its state: `/courses?q=&category=&level=&sort=&page=`. The server
// validates strictly (400 for a bad value); the page reads a shared link leniently, dropping
// what it does not understand, so an old or hand-edited link still shows a catalog.
import { z } from 'zod'
import { COURSE_CATEGORIES, COURSE_LEVELS } from './course'

export const CATALOG_SORTS = ['newest', 'title', 'price'] as const
export type CatalogSort = typeof CATALOG_SORTS[number]
export const CATALOG_SORT_LABELS: Record<CatalogSort, string> = { newest: 'Newest', title: 'Title A–Z', price: 'Price: free first' }
export const CATALOG_PAGE_SIZE = 12
export const CATALOG_MAX_PAGE = 1000

/**
 * A value of a fixed list in any letter case (`?category=design`, a hand-typed or lower-cased
 * link) means that value: it filters, instead of being refused (API) or dropped (page).
 */
const anyCase = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(
  value => (typeof value === 'string' ? values.find(v => v.toLowerCase() === value.trim().toLowerCase()) ?? value : value),
  z.enum(values).optional(),
)

export const CatalogQuery = z.object({
  q: z.string().trim().max(100, 'Keep the search under 100 characters').default(''),
  category: anyCase(COURSE_CATEGORIES),
  level: anyCase(COURSE_LEVELS),
  sort: z.enum(CATALOG_SORTS).default('newest'),
  page: z.coerce.number().int().min(1).max(CATALOG_MAX_PAGE).default(1),
})
export type CatalogQuery = z.infer<typeof CatalogQuery>

/** The same fields, each falling back to its default when a link carries nonsense. */
export function catalogQueryFromLink(query: Record<string, unknown>): CatalogQuery {
  const first = (value: unknown) => (Array.isArray(value) ? value[0] : value) ?? undefined
  const field = <S extends z.ZodTypeAny>(schema: S, value: unknown, fallback: z.output<S>): z.output<S> => {
    const parsed = schema.safeParse(first(value))
    return parsed.success ? parsed.data : fallback
  }
  const shape = CatalogQuery.shape
  return {
    q: field(shape.q, query.q, ''),
    category: field(shape.category, query.category, undefined),
    level: field(shape.level, query.level, undefined),
    sort: field(shape.sort, query.sort, 'newest'),
    page: field(shape.page, query.page, 1),
  }
}

/** The address of a catalog state: only what differs from the defaults, in a stable order. */
export function catalogLinkQuery(query: CatalogQuery): Record<string, string> {
  const out: Record<string, string> = {}
  if (query.q) out.q = query.q
  if (query.category) out.category = query.category
  if (query.level) out.level = query.level
  if (query.sort !== 'newest') out.sort = query.sort
  if (query.page > 1) out.page = String(query.page)
  return out
}

export const CourseSlugParams = z.object({ slug: z.string().min(1).max(200).regex(/^[a-z0-9-]+$/, 'Not a course address') })
