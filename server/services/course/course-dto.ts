// The one place a Course row becomes what the API sends.
import type { Course, DeletedCourse } from '#shared/types/course'
import type { CourseCategory, CourseLanguage } from '#shared/schemas/course'
import type { Course as CourseRow } from '../../generated/prisma/client'

export const courseSelect = {
  id: true,
  title: true,
  slug: true,
  description: true,
  category: true,
  level: true,
  language: true,
  priceCents: true,
  currency: true,
  coverImageUrl: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} as const

type SelectedCourse = Pick<CourseRow, keyof typeof courseSelect>

export function toCourse(row: SelectedCourse): Course {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    description: row.description,
    category: row.category as CourseCategory,
    level: row.level,
    language: row.language as CourseLanguage,
    priceCents: row.priceCents,
    currency: row.currency,
    coverImageUrl: row.coverImageUrl,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }
}

export function toDeletedCourse(row: SelectedCourse & { deletedAt: Date }, retentionDays: number): DeletedCourse {
  return {
    ...toCourse(row),
    deletedAt: row.deletedAt.toISOString(),
    purgeAt: new Date(row.deletedAt.getTime() + retentionDays * 86_400_000).toISOString(),
  }
}
