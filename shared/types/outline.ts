import type { LessonStatus } from '../schemas/lesson-status'

export interface Lesson {
  id: string
  chapterId: string
  title: string
  position: number
  status: LessonStatus
  durationSeconds: number | null
  freePreview: boolean
  /** Why processing failed, when status is FAILED. */
  failureReason: string | null
  /** A poster frame is available at /api/lessons/<id>/thumbnail. */
  hasThumbnail: boolean
  updatedAt: string
  /**
   * While its video uploads: the bytes the server holds (what a resumed upload continues from) and
   * whether bytes arrived a moment ago (someone is sending them). Null otherwise.
   */
  received?: UploadReceived | null
  /** Client-side only: live upload progress written into the caches from upload-progress events. */
  upload?: UploadProgress
  /** Client-side only: how far its HLS ladder is (percent), from transcode-progress events. */
  transcodePercent?: number
  /**
   * A new video on its way to replace the ready one. Everything else on the lesson (status,
   * duration, thumbnail) is still the current video, which students keep watching until this one
   * is ready and takes its place. Null when there is none.
   */
  replacement?: LessonReplacement | null
}

export interface LessonReplacement {
  /** READY never shows here: a ready replacement has become the lesson's video. */
  status: 'UPLOADING' | 'PROCESSING' | 'FAILED'
  fileName: string
  /** Why processing failed, when status is FAILED. */
  failureReason: string | null
  /** As Lesson.received, while it uploads. */
  received?: UploadReceived | null
  /** Client-side only: live upload progress, as Lesson.upload. */
  upload?: UploadProgress
}

export interface UploadReceived {
  bytes: number
  total: number
  live: boolean
}

export interface UploadProgress {
  operationId: string
  bytes: number
  total: number
  progress: number
  /** Smoothed from successive events; null until two have arrived. */
  bytesPerSecond: number | null
  /** When the last event arrived (ms since epoch, this browser's clock). */
  at: number
  /** When the server had read those bytes (its clock), if the event said; speed prefers these. */
  sourceAt: number | null
}

/** A chapter as the editor shows it: with its lessons, in order. */
export interface Chapter {
  id: string
  courseId: string
  title: string
  position: number
  updatedAt: string
  lessons: Lesson[]
}

/** Ids only: what a reorder sends and what a 409 answers with. */
export interface OutlineOrder {
  chapters: { id: string, lessonIds: string[] }[]
}
