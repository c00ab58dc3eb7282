// What the student portal's routes answer (dates are ISO strings on the wire).
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

export interface SyllabusLesson {
  id: string
  title: string
  durationSeconds: number | null
  freePreview: boolean
  /** A ready video this visitor may play now (free preview, or enrolled, or the owner). */
  playable: boolean
  hasThumbnail: boolean
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

export interface LearnLesson {
  id: string
  title: string
  durationSeconds: number | null
  /** A ready video to play. */
  hasVideo: boolean
  hasThumbnail: boolean
  positionSeconds: number
  completed: boolean
}

export interface LearnChapter {
  id: string
  title: string
  lessons: LearnLesson[]
}

/** The watch page: one enrolled course with the student's progress. */
export interface LearnCourse {
  course: { id: string, slug: string, title: string, instructorName: string }
  chapters: LearnChapter[]
  percentComplete: number
  completedAt: string | null
  /** Where "continue" goes: the last lesson watched, else the first not completed. */
  resumeVideoId: string | null
}

/** The answer to a progress report. */
export interface LessonProgressState {
  videoId: string
  positionSeconds: number
  completed: boolean
  percentComplete: number
  courseCompletedAt: string | null
}

/** "My learning": one enrolled course. */
export interface MyLearningItem {
  course: { id: string, slug: string, title: string, coverImageUrl: string | null, instructorName: string }
  enrolledAt: string
  lastActiveAt: string
  completedAt: string | null
  percentComplete: number
  completedLessons: number
  totalLessons: number
  /** The exact lesson and second "continue" opens. */
  resume: { videoId: string, title: string, positionSeconds: number } | null
}

/** A row of the instructor's students page. */
export interface StudentRow {
  userId: string
  name: string
  email: string
  enrolledAt: string
  source: 'SELF' | 'INSTRUCTOR'
  lastActiveAt: string
  completedAt: string | null
  percentComplete: number
  /** Ids of the lessons this student has completed. */
  completedVideoIds: string[]
}
