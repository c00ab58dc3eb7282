// The places a file can be used: a course, a chapter or a lesson of the file's owner. Another
// instructor's place and a missing one are the same null (404 for the caller).
import type { MediaLinkInput } from '#shared/schemas/media'
import type { MediaUsage } from '#shared/types/media'
import { editorHref, usageLabel } from './usage-dto'
import type { Db } from './media-lock'

export interface MediaTarget {
  courseId: string
  courseTitle: string
  chapterTitle: string | null
  lessonTitle: string | null
  /** The course is in the course trash. */
  inTrash: boolean
  /** For a lesson: its current video file. */
  lessonMediaFileId: string | null
}

export const TARGET_NAMES = { COURSE: 'Course', CHAPTER: 'Chapter', LESSON: 'Lesson' } as const

export async function findTarget(db: Db, { ownerId, targetType, targetId }: { ownerId: string } & Pick<MediaLinkInput, 'targetType' | 'targetId'>): Promise<MediaTarget | null> {
  const course = { select: { id: true, title: true, deletedAt: true } } as const
  if (targetType === 'COURSE') {
    const row = await db.course.findFirst({ where: { id: targetId, ownerId }, select: { id: true, title: true, deletedAt: true } })
    return row && { courseId: row.id, courseTitle: row.title, chapterTitle: null, lessonTitle: null, inTrash: !!row.deletedAt, lessonMediaFileId: null }
  }
  if (targetType === 'CHAPTER') {
    const row = await db.chapter.findFirst({ where: { id: targetId, course: { ownerId } }, select: { title: true, course } })
    return row && { courseId: row.course.id, courseTitle: row.course.title, chapterTitle: row.title, lessonTitle: null, inTrash: !!row.course.deletedAt, lessonMediaFileId: null }
  }
  const row = await db.video.findFirst({
    where: { id: targetId, chapter: { course: { ownerId } } },
    select: { title: true, mediaFileId: true, chapter: { select: { title: true, course } } },
  })
  return row && {
    courseId: row.chapter.course.id,
    courseTitle: row.chapter.course.title,
    chapterTitle: row.chapter.title,
    lessonTitle: row.title,
    inTrash: !!row.chapter.course.deletedAt,
    lessonMediaFileId: row.mediaFileId,
  }
}

export function usageAt(target: MediaTarget, input: MediaLinkInput, linkId: string | null): MediaUsage {
  const place = { courseTitle: target.courseTitle, chapterTitle: target.chapterTitle, lessonTitle: target.lessonTitle }
  return {
    linkId,
    targetType: input.targetType,
    targetId: input.targetId,
    role: input.role,
    courseId: target.courseId,
    ...place,
    label: usageLabel(place),
    href: editorHref(target.courseId),
    inTrash: target.inTrash,
  }
}

/** The link row's columns for a place: the one foreign key its kind uses, and always the course. */
export function linkColumns(input: MediaLinkInput, courseId: string) {
  return {
    targetType: input.targetType,
    targetId: input.targetId,
    courseId,
    chapterId: input.targetType === 'CHAPTER' ? input.targetId : null,
    // MediaLink keeps its column name videoId; a lesson's id goes there.
    videoId: input.targetType === 'LESSON' ? input.targetId : null,
  }
}
