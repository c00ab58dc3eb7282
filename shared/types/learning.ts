// What a student's learning routes answer: the watch page, progress, "My learning" (dates are ISO strings on the wire).
import type { CaptionTrack } from './caption'

export interface LearnLesson {
  id: string
  title: string
  durationSeconds: number | null
  /** A ready video to play. */
  hasVideo: boolean
  hasThumbnail: boolean
  positionSeconds: number
  completed: boolean
  /** The lesson's captions, the default first: one <track> each. */
  captions: CaptionTrack[]
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
  resumeLessonId: string | null
}

/** The answer to a progress report. */
export interface LessonProgressState {
  lessonId: string
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
  resume: { lessonId: string, title: string, positionSeconds: number } | null
}
