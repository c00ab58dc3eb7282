// The one place Chapter and Video rows become what the API and the events carry.
import type { Chapter, Video } from '#shared/types/outline'
import type { Chapter as ChapterRow, Video as VideoRow } from '../../generated/prisma/client'

export const videoSelect = {
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
  videos: { select: videoSelect, orderBy: { position: 'asc' } },
} as const

type SelectedVideo = Pick<VideoRow, Exclude<keyof typeof videoSelect, 'mediaFile'>> & { mediaFile: { failureReason: string | null, thumbnailKey: string | null } | null }
type SelectedChapter = Pick<ChapterRow, 'id' | 'courseId' | 'title' | 'position' | 'updatedAt'> & { videos: SelectedVideo[] }

export function toVideo(row: SelectedVideo): Video {
  const { mediaFile, ...video } = row
  return {
    ...video,
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
    videos: row.videos.map(toVideo),
  }
}

/** The chapter without its lessons, for the chapter-saved event. */
export function chapterSnapshot(chapter: Chapter) {
  const { videos: _videos, ...snapshot } = chapter
  return snapshot
}
