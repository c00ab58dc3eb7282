// What the media insights routes answer: one shape per domain (storage, usage, uploads,
// performance), each computed by aggregate queries on the server. Bytes are plain numbers (a
// library would need 8 PB to pass Number.MAX_SAFE_INTEGER). "Library" means the instructor's
// lesson and library files (message attachments are not in it).
import type { MediaKind } from '../media/kinds'
import type { ResolvedInsightsRange } from '../schemas/media-insights'

/** A file kind, or `other` for a name and type the library does not recognise. */
export type InsightKind = MediaKind | 'other'

export interface KindTotals {
  kind: InsightKind
  files: number
  bytes: number
}

export interface StorageInsights {
  range: ResolvedInsightsRange
  /** When the summaries these figures come from were computed (ISO); null before the first run. */
  computedAt: string | null
  /** Live library files now (not in the library's trash), per kind; kinds with no file are left out. */
  byKind: KindTotals[]
  total: { files: number, bytes: number }
  /** Files in the library's trash: still stored until purged, shown apart. */
  trash: { files: number, bytes: number }
  /** Bytes of live library files at the end of each bucket (uploaded by then, not yet trashed), per kind. */
  overTime: { bucket: string, bytes: number, byKind: Partial<Record<InsightKind, number>> }[]
}

export interface FileFigure {
  id: string
  name: string
  kind: InsightKind
  sizeBytes: number
  createdAt: string
  /** Places it is used whose course is live (links and lessons whose video it is). */
  usageCount: number
  /** Places in courses that sit in the course trash. */
  trashedUsageCount: number
}

export interface UsageInsights {
  range: ResolvedInsightsRange
  /** When the summaries these figures come from were computed (ISO); null before the first run. */
  computedAt: string | null
  /** Files uploaded in the range (live, in the library). */
  uploadedInRange: { files: number, bytes: number }
  /** Up to 10 of them, most used first. */
  mostUsed: FileFigure[]
  /** Cleanup candidates: live library files nothing live uses, and the bytes deleting them would free. */
  unused: {
    inRange: { files: number, bytes: number }
    allTime: { files: number, bytes: number }
    /** The 10 largest uploaded in the range. */
    largest: FileFigure[]
  }
}

export interface UploadsInsights {
  range: ResolvedInsightsRange
  /** When the summaries these figures come from were computed (ISO); null before the first run. */
  computedAt: string | null
  /** Library files uploaded in each bucket (files since trashed included: they were uploaded). */
  buckets: { bucket: string, files: number, bytes: number, byKind: Partial<Record<InsightKind, number>> }[]
  total: { files: number, bytes: number }
}

export interface VideoPerformance {
  id: string
  name: string
  durationSeconds: number | null
  /** Lessons in live courses whose video this file is. */
  lessonCount: number
  /** A few of their titles, "Course › Lesson", alphabetical. */
  lessons: string[]
  /** Students active on those lessons in the range (progress saved or completed in it). */
  views: number
  /** Lessons completed in the range. */
  completions: number
  /** completions / views, 0–1; null without views. */
  completionRate: number | null
}

export interface PerformanceInsights {
  range: ResolvedInsightsRange
  /** When the summaries these figures come from were computed (ISO); null before the first run. */
  computedAt: string | null
  /** Up to 20 video files, most viewed first. */
  videos: VideoPerformance[]
  /** Over every video file used by a lesson, not only the listed ones. */
  totals: { videos: number, lessons: number, views: number, completions: number }
}
