import type { CourseCategory, CourseLanguage, CourseLevel, CourseStatus } from '../schemas/course'

/** A course as the studio sees it (dates are ISO strings on the wire). */
export interface Course {
  id: string
  title: string
  slug: string
  description: string
  category: CourseCategory
  level: CourseLevel
  language: CourseLanguage
  /** Cents of `currency`; null when the course is free. */
  priceCents: number | null
  currency: string
  coverImageUrl: string | null
  status: CourseStatus
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

/** A course in "Recently deleted", with when it will be purged for good. */
export interface DeletedCourse extends Course {
  deletedAt: string
  purgeAt: string
}
