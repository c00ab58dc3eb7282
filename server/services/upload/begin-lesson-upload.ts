// A video upload for a lesson starts: the media file row is created, and the lesson (a new one at
// the end of the chapter, or an existing one whose file is replaced) shows "uploading" at once.
import type { Lesson } from '#shared/types/outline'
import { notFound } from '../../utils/errors'
import { courseOfChapter, courseOfLesson, withLockedCourse } from '../outline/course-lock'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import { recordMediaAudit } from '../media/media-audit'
import { announceOutline } from '../outline/announce-outline'

export interface BeginLessonUpload {
  ownerId: string
  uploadId: string
  fileName: string
  mimeType: string
  sizeBytes: number
  /** Upload into a new lesson at the end of this chapter … */
  chapterId?: string
  /** … or replace this lesson's file. */
  lessonId?: string
}

const titleFrom = (fileName: string) => fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim().slice(0, 200) || 'Untitled lesson'

export async function beginLessonUpload(input: BeginLessonUpload): Promise<{ courseId: string, lesson: Lesson, mediaFileId: string }> {
  const { ownerId } = input
  const courseId = input.lessonId
    ? await courseOfLesson({ ownerId, lessonId: input.lessonId })
    : input.chapterId ? await courseOfChapter({ ownerId, chapterId: input.chapterId }) : null
  if (!courseId) throw notFound('Chapter')

  const { lesson, mediaFileId } = await withLockedCourse({ ownerId, courseId }, async (tx) => {
    const media = await tx.mediaFile.create({
      data: { ownerId, storageKey: input.uploadId, originalName: input.fileName.slice(0, 500), mimeType: input.mimeType.slice(0, 200), sizeBytes: BigInt(input.sizeBytes) },
      select: { id: true },
    })
    await recordMediaAudit(tx, { ownerId, mediaFileId: media.id, actorId: ownerId, action: 'UPLOAD', after: { name: input.fileName.slice(0, 500), mimeType: input.mimeType.slice(0, 200), sizeBytes: input.sizeBytes, purpose: 'LESSON' } })
    const row = input.lessonId
      ? await tx.video.update({ where: { id: input.lessonId }, data: { mediaFileId: media.id, status: 'UPLOADING', durationSeconds: null }, select: lessonSelect })
      : await tx.video.create({
          data: { chapterId: input.chapterId!, title: titleFrom(input.fileName), position: await tx.video.count({ where: { chapterId: input.chapterId! } }), status: 'UPLOADING', mediaFileId: media.id },
          select: lessonSelect,
        })
    return { lesson: toLesson(row), mediaFileId: media.id }
  })
  await announceOutline({ type: 'lesson-saved', courseId, lesson })
  return { courseId, lesson, mediaFileId }
}
