// The one place a published course row becomes a catalog card.
import type { CatalogCourse } from '#shared/types/catalog'
import type { CourseCategory, CourseLanguage } from '#shared/schemas/course'
import type { CourseLevel } from '../../generated/prisma/client'

export const catalogCourseSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  category: true,
  level: true,
  language: true,
  priceCents: true,
  currency: true,
  coverImageUrl: true,
  publishedAt: true,
  owner: { select: { name: true } },
  chapters: { select: { videos: { select: { durationSeconds: true } } } },
} as const

interface CatalogRow {
  id: string
  slug: string
  title: string
  description: string
  category: string
  level: CourseLevel
  language: string
  priceCents: number | null
  currency: string
  coverImageUrl: string | null
  publishedAt: Date | null
  owner: { name: string }
  chapters: { videos: { durationSeconds: number | null }[] }[]
}

const SUMMARY_CHARS = 180

/** The description's opening, cut at a word boundary. */
export function summarise(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= SUMMARY_CHARS) return flat
  const cut = flat.slice(0, SUMMARY_CHARS)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_CHARS - 30)).replace(/[\s,.;:–-]+$/, '')}…`
}

export function toCatalogCourse(row: CatalogRow): CatalogCourse {
  const lessons = row.chapters.flatMap(c => c.videos)
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: summarise(row.description),
    category: row.category as CourseCategory,
    level: row.level,
    language: row.language as CourseLanguage,
    priceCents: row.priceCents,
    currency: row.currency,
    coverImageUrl: row.coverImageUrl,
    instructorName: row.owner.name,
    lessonCount: lessons.length,
    durationSeconds: lessons.reduce((sum, v) => sum + (v.durationSeconds ?? 0), 0),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  }
}
