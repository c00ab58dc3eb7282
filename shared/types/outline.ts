import type { VideoStatus } from '../schemas/video-status'

export interface Video {
  id: string
  chapterId: string
  title: string
  position: number
  status: VideoStatus
  durationSeconds: number | null
  freePreview: boolean
  updatedAt: string
}

/** A chapter as the editor shows it: with its lessons, in order. */
export interface Chapter {
  id: string
  courseId: string
  title: string
  position: number
  updatedAt: string
  videos: Video[]
}

/** Ids only: what a reorder sends and what a 409 answers with. */
export interface OutlineOrder {
  chapters: { id: string, videoIds: string[] }[]
}
