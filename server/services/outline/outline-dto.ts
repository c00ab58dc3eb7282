// The one place Chapter and Video rows become what the API and the events carry: the database
// keeps the model name Video (a rename would cost a migration), the API says lesson.
import type { Chapter, Lesson } from '#shared/types/outline'
import type { Chapter as ChapterRow, Video as VideoRow } from '../../generated/prisma/client'

export const lessonSelect = {
  id: true,
  chapterId: true,
  title: true,
  position: true,
  status: true,
  durationSeconds: true,
  freePreview: true,
  updatedAt: true,
  mediaFile: { select: { failureReason: true, thumbnailKey: true } },
} as const

export const chapterSelect = {
  id: true,
  courseId: true,
  title: true,
  position: true,
  updatedAt: true,
  videos: { select: lessonSelect, orderBy: { position: 'asc' } },
} as const

type SelectedLesson = Pick<VideoRow, Exclude<keyof typeof lessonSelect, 'mediaFile'>> & { mediaFile: { failureReason: string | null, thumbnailKey: string | null } | null }
type SelectedChapter = Pick<ChapterRow, 'id' | 'courseId' | 'title' | 'position' | 'updatedAt'> & { videos: SelectedLesson[] }

export function toLesson(row: SelectedLesson): Lesson {
  const { mediaFile, ...lesson } = row
  return {
    ...lesson,
    failureReason: row.status === 'FAILED' ? (mediaFile?.failureReason ?? null) : null,
    hasThumbnail: !!mediaFile?.thumbnailKey,
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function toChapter(row: SelectedChapter): Chapter {
  return {
    id: row.id,
    courseId: row.courseId,
    title: row.title,
    position: row.position,
    updatedAt: row.updatedAt.toISOString(),
    // Prisma's relation is still `videos` (model Video); the DTO says lessons.
    lessons: row.videos.map(toLesson),
  }
}

/** The chapter without its lessons, for the chapter-saved event. */
export function chapterSnapshot(chapter: Chapter) {
  const { lessons: _lessons, ...snapshot } = chapter
  return snapshot
}
