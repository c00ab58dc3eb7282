// What the catalog's routes answer: the public course list and course page (dates are ISO strings on the wire).
import type { CatalogQuery } from '../schemas/catalog'
import type { CourseCategory, CourseLanguage, CourseLevel } from '../schemas/course'

/** A published course as the catalog lists it. */
export interface CatalogCourse {
  id: string
  slug: string
  title: string
  /** The description's opening, for cards. */
  summary: string
  category: CourseCategory
  level: CourseLevel
  language: CourseLanguage
  priceCents: number | null
  currency: string
  coverImageUrl: string | null
  instructorName: string
  lessonCount: number
  /** Sum of the ready lessons' durations. */
  durationSeconds: number
  publishedAt: string | null
}

export interface CatalogPage {
  items: CatalogCourse[]
  total: number
  page: number
  pageSize: number
  pageCount: number
}

declare module 'h3' {
  interface H3EventContext {
    /**
     * During a page render: the catalog page GET /api/catalog would answer for this query, loaded
     * without an inner request (server/plugins/render-catalog.ts; composables/queries/catalog).
     */
    loadCatalogPage?: (query: CatalogQuery) => Promise<CatalogPage>
  }
}

export interface SyllabusLesson {
  id: string
  title: string
  durationSeconds: number | null
  freePreview: boolean
  /** A ready video this visitor may play now (free preview, or enrolled, or the owner). */
  playable: boolean
  hasThumbnail: boolean
  /** The HLS master playlist (adaptive streaming) once a rendition is ready; null: play the original file. */
  hlsUrl: string | null
  /** Languages the lesson has captions in ("en", "fr"), the default first. */
  captionLanguages: string[]
}

export interface SyllabusChapter {
  id: string
  title: string
  lessons: SyllabusLesson[]
}

/** The public course page. */
export interface CourseOverview {
  course: CatalogCourse & { description: string, status: 'DRAFT' | 'PUBLISHED' }
  chapters: SyllabusChapter[]
  /** The visitor's own place: null when signed out. */
  viewer: {
    isOwner: boolean
    enrolledAt: string | null
    /** Free, published, not the owner, not yet enrolled. */
    canEnrol: boolean
  } | null
}

/** "Request access": the conversation that now holds the request (created: false when asked already today). */
export interface AccessRequestResult {
  conversationId: string
  messageId: string
  created: boolean
}
