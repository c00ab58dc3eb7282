// What the media library routes answer (dates are ISO strings). Contract shared by the server
// (server/services/media/*) and the studio's library pages.
import type { MediaKind } from '../media/kinds'

export type MediaLinkTargetType = 'COURSE' | 'CHAPTER' | 'LESSON'
/** VIDEO is a lesson's own video (Video.mediaFileId); the others are MediaLink rows. */
export type MediaUsageRole = 'COVER' | 'RESOURCE' | 'HANDOUT' | 'ATTACHMENT' | 'VIDEO'

export interface MediaItem {
  id: string
  name: string
  mimeType: string
  kind: MediaKind | null
  sizeBytes: number
  status: 'UPLOADING' | 'PROCESSING' | 'READY' | 'FAILED'
  createdAt: string
  updatedAt: string
  durationSeconds: number | null
  width: number | null
  height: number | null
  hasThumbnail: boolean
  /** What an image shows, for screen readers (null: not described; always null for other kinds). */
  altText: string | null
  /** The owner's tags on it, A→Z. */
  tags: string[]
  /** Places it is used whose content is live (not in the course trash). */
  usageCount: number
  /** Places whose content sits in the course trash: kept, shown as "in trash", not counted above. */
  trashedUsageCount: number
}

/** One place a file is used: a link row, or a lesson whose video it is. */
export interface MediaUsage {
  /** The MediaLink's id; null for a lesson's own video. */
  linkId: string | null
  targetType: MediaLinkTargetType
  targetId: string
  role: MediaUsageRole
  courseId: string
  courseTitle: string
  chapterTitle: string | null
  lessonTitle: string | null
  /** "Course › Chapter › Lesson". */
  label: string
  /** The studio page of the place (the course editor). */
  href: string
  /** The course is in the course trash. */
  inTrash: boolean
}

export interface MediaDetail extends MediaItem {
  usages: MediaUsage[]
}

export interface MediaPage {
  items: MediaItem[]
  /** All files matching the filters (for "1–48 of 312"). */
  total: number
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: string | null
}

export type MediaActionName = 'UPLOAD' | 'LINK' | 'UNLINK' | 'RENAME' | 'DELETE' | 'RESTORE' | 'PURGE' | 'TAG' | 'EDIT'

/** One of my tags with how many of my live library files carry it. */
export interface MediaTagCount {
  name: string
  count: number
}

export interface MediaAuditEntry {
  id: string
  mediaFileId: string
  action: MediaActionName
  actor: { id: string, name: string } | null
  /** Where, for link/unlink (a usage as it was then). */
  target: Omit<MediaUsage, 'inTrash'> | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  createdAt: string
}

export interface MediaTrashItem extends MediaItem {
  deletedAt: string
  deletedBy: { id: string, name: string } | null
  /** When the purge job removes it for good. */
  purgeAt: string
  /** Where it was used when it was moved to the trash (the links that delete removed). */
  usagesAtDeletion: MediaUsage[]
}

export interface RestoreResult {
  item: MediaItem
  /** Links re-created (only when asked for). */
  restored: MediaUsage[]
  /** Links that could not be re-created, and why (the place is gone, or in the trash). */
  notRestored: { usage: MediaUsage, reason: string }[]
}

/** A plain delete of a file that is in use is refused with 409 and this in error.details. */
export interface MediaInUse {
  usages: MediaUsage[]
}

/** One file used somewhere in a course (the course itself, a chapter, a lesson), for the course's Files tab. */
export interface CourseFileEntry {
  /** The MediaLink's id; null for a lesson's own video. */
  linkId: string | null
  targetType: MediaLinkTargetType
  targetId: string
  role: MediaUsageRole
  file: MediaItem
}

/**
 * A library file (or lesson video) whose upload has not finished: how far the server got, and
 * whether someone is sending it right now (another tab). The library lists these as uploading in
 * another tab, or interrupted with resume (pick the same file) and discard.
 */
export interface UnfinishedUpload {
  mediaId: string
  name: string
  mimeType: string
  sizeBytes: number
  receivedBytes: number
  live: boolean
  /** A lesson's video: picking the file again continues it for that lesson. */
  lesson: { courseId: string, chapterId: string, lessonId: string } | null
}
