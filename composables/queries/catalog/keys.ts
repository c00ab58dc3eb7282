// Query keys for the public catalog: its pages (keyed by the search and filters) and each
// course's public page, by slug.
import type { CatalogQuery } from '#shared/schemas/catalog'

export const catalogKeys = {
  all: ['catalog'] as const,
  pages: () => [...catalogKeys.all, 'page'] as const,
  page: (query: CatalogQuery) => [...catalogKeys.pages(), query] as const,
  /** The public course page, by slug. */
  overviews: () => [...catalogKeys.all, 'overview'] as const,
  overview: (slug: string) => [...catalogKeys.overviews(), slug] as const,
}
