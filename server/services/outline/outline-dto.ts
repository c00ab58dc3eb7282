// The one place Chapter and Video rows become what the API and the events carry: the database
// keeps the model name Video (a rename would cost a migration), the API says lesson.
import type { Chapter, Lesson, LessonReplacement, UploadReceived } from '#shared/types/outline'
import { UPLOAD_LIVE_MS } from '#shared/uploads/progress'
import type { Chapter as ChapterRow, MediaStatus, Video as VideoRow } from '../../generated/prisma/client'

export const lessonSelect = {
  id: true,
  chapterId: true,
  title: true,
  position: true,
  status: true,
  durationSeconds: true,
  freePreview: true,
  updatedAt: true,
  mediaFile: { select: { failureReason: true, thumbnailKey: true, receivedBytes: true, sizeBytes: true, updatedAt: true, storageKey: true } },
  replacementMediaFile: { select: { status: true, originalName: true, failureReason: true, receivedBytes: true, sizeBytes: true, updatedAt: true } },
} as const

export const chapterSelect = {
  id: true,
  courseId: true,
  title: true,
  position: true,
  updatedAt: true,
  videos: { select: lessonSelect, orderBy: { position: 'asc' } },
} as const

type SelectedMedia = { failureReason: string | null, thumbnailKey: string | null, receivedBytes: bigint, sizeBytes: bigint, updatedAt: Date, storageKey: string }
type SelectedReplacement = Pick<SelectedMedia, 'failureReason' | 'receivedBytes' | 'sizeBytes' | 'updatedAt'> & { status: MediaStatus, originalName: string }
type SelectedLesson = Pick<VideoRow, Exclude<keyof typeof lessonSelect, 'mediaFile' | 'replacementMediaFile'>> & { mediaFile: SelectedMedia | null, replacementMediaFile: SelectedReplacement | null }
type SelectedChapter = Pick<ChapterRow, 'id' | 'courseId' | 'title' | 'position' | 'updatedAt'> & { videos: SelectedLesson[] }

export function toLesson(row: SelectedLesson): Lesson {
  const { mediaFile, replacementMediaFile, ...lesson } = row
  return {
    ...lesson,
    failureReason: row.status === 'FAILED' ? (mediaFile?.failureReason ?? null) : null,
    hasThumbnail: !!mediaFile?.thumbnailKey,
    updatedAt: row.updatedAt.toISOString(),
    received: row.status === 'UPLOADING' && mediaFile ? uploadReceived(mediaFile) : null,
    replacement: replacementMediaFile ? toReplacement(replacementMediaFile) : null,
  }
}

function toReplacement(media: SelectedReplacement): LessonReplacement | null {
  // A ready replacement has already swapped in (the same transaction clears the column).
  if (media.status === 'READY') return null
  return {
    status: media.status,
    fileName: media.originalName,
    failureReason: media.status === 'FAILED' ? media.failureReason : null,
    received: media.status === 'UPLOADING' ? uploadReceived(media) : null,
  }
}

/** What the server holds of an unfinished upload; "live" when bytes arrived within the liveness interval (uploads/liveness.ts). */
export function uploadReceived(media: { receivedBytes: bigint | number, sizeBytes: bigint | number, updatedAt: Date }, now = Date.now()): UploadReceived {
  return { bytes: Number(media.receivedBytes), total: Number(media.sizeBytes), live: now - media.updatedAt.getTime() < UPLOAD_LIVE_MS }
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
