// The public catalog: published, live courses, searched by substring of title, description or
// the captions of their lessons (trigram indexes), filtered by category and level, sorted, one page at a time.
import type { CatalogQuery } from '#shared/schemas/catalog'
import { CATALOG_PAGE_SIZE } from '#shared/schemas/catalog'
import type { CatalogPage } from '#shared/types/catalog'
import type { Prisma } from '../../generated/prisma/client'
import { useDb } from '../../database/db'
import { catalogCourseSelect, toCatalogCourse } from './catalog-dto'
import { cachedCatalogPage, cachedCatalogTotal } from './catalog-cache'

const ORDER: Record<CatalogQuery['sort'], Prisma.CourseOrderByWithRelationInput[]> = {
  newest: [{ publishedAt: 'desc' }, { id: 'asc' }],
  title: [{ title: 'asc' }, { id: 'asc' }],
  price: [{ priceCents: { sort: 'asc', nulls: 'first' } }, { publishedAt: 'desc' }, { id: 'asc' }],
}

function catalogWhere(query: Pick<CatalogQuery, 'q' | 'category' | 'level'>): Prisma.CourseWhereInput {
  return {
    status: 'PUBLISHED',
    deletedAt: null,
    ...(query.category ? { category: query.category } : {}),
    ...(query.level ? { level: query.level } : {}),
    ...(query.q
      ? {
          OR: [
            { title: { contains: query.q, mode: 'insensitive' } },
            { description: { contains: query.q, mode: 'insensitive' } },
            // What the lessons say: their captions' text, through its own trigram index.
            { chapters: { some: { videos: { some: { captions: { some: { text: { contains: query.q, mode: 'insensitive' } } } } } } } },
          ],
        }
      : {}),
  }
}

/** Answers may be up to a few seconds old (catalog-cache.ts): the catalog is public and the same for everyone. */
export function listCatalog(query: CatalogQuery): Promise<CatalogPage> {
  const { q, category, level, sort, page } = query
  return cachedCatalogPage(JSON.stringify([q, category, level, sort, page]), () => loadCatalogPage(query))
}

async function loadCatalogPage(query: CatalogQuery): Promise<CatalogPage> {
  const where = catalogWhere(query)
  const [total, rows] = await Promise.all([
    cachedCatalogTotal(JSON.stringify([query.q, query.category, query.level]), () => useDb().course.count({ where })),
    useDb().course.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * CATALOG_PAGE_SIZE,
      take: CATALOG_PAGE_SIZE,
      select: catalogCourseSelect,
    }),
  ])
  return {
    items: rows.map(toCatalogCourse),
    total,
    page: query.page,
    pageSize: CATALOG_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE)),
  }
}
