// The catalog's courses for sitemap.xml: every published, live course page, with when it last
// changed and its cover, so search engines find each course without crawling the catalog pages.
import { useDb } from '../../database/db'

export interface SitemapCourse {
  slug: string
  title: string
  updatedAt: Date
  coverImageUrl: string | null
}

export async function listSitemapCourses(): Promise<SitemapCourse[]> {
  return useDb().course.findMany({
    where: { status: 'PUBLISHED', deletedAt: null },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    // The sitemap protocol caps a file at 50 000 URLs; split into several sitemaps before that.
    take: 45_000,
    select: { slug: true, title: true, updatedAt: true, coverImageUrl: true },
  })
}
