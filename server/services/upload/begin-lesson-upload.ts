// A video upload for a lesson starts: the media file row is created, and the lesson (a new one at
// the end of the chapter, or an existing one whose file is replaced) shows "uploading" at once.
// A lesson that already plays a ready video keeps it: the new file uploads as its replacement
// (Video.replacementMediaFileId), and students watch the current one until the new one is ready
// (set-upload-state.ts swaps them then; abort-upload.ts leaves the lesson as it was).
import type { Lesson } from '#shared/types/outline'
import { UPLOAD_LIVE_MS } from '#shared/uploads/progress'
import { AppError, notFound } from '../../utils/errors'
import { courseOfChapter, courseOfLesson, withLockedCourse } from '../outline/course-lock'
import type { Tx } from '../outline/course-lock'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import { recordMediaAudit } from '../media/media-audit'
import { announceOutline } from '../outline/announce-outline'
import { forgetUploadOwnership } from '../../uploads/ownership-cache'
import { abortUpload } from './abort-upload'

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

export interface BegunLessonUpload {
  courseId: string
  lesson: Lesson
  mediaFileId: string
  /** The file uploads as the lesson's replacement: its current video plays on meanwhile. */
  replacement: boolean
}

const titleFrom = (fileName: string) => fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim().slice(0, 200) || 'Untitled lesson'

export async function beginLessonUpload(input: BeginLessonUpload): Promise<BegunLessonUpload> {
  const { ownerId } = input
  const courseId = input.lessonId
    ? await courseOfLesson({ ownerId, lessonId: input.lessonId })
    : input.chapterId ? await courseOfChapter({ ownerId, chapterId: input.chapterId }) : null
  if (!courseId) throw notFound('Chapter')

  const { lesson, mediaFileId, replacement, supersededKey } = await withLockedCourse({ ownerId, courseId }, async (tx) => {
    const media = await tx.mediaFile.create({
      data: { ownerId, storageKey: input.uploadId, originalName: input.fileName.slice(0, 500), mimeType: input.mimeType.slice(0, 200), sizeBytes: BigInt(input.sizeBytes) },
      select: { id: true },
    })
    await recordMediaAudit(tx, { ownerId, mediaFileId: media.id, actorId: ownerId, action: 'UPLOAD', after: { name: input.fileName.slice(0, 500), mimeType: input.mimeType.slice(0, 200), sizeBytes: input.sizeBytes, purpose: 'LESSON' } })
    if (!input.lessonId) {
      const row = await tx.video.create({
        data: { chapterId: input.chapterId!, title: titleFrom(input.fileName), position: await tx.video.count({ where: { chapterId: input.chapterId! } }), status: 'UPLOADING', mediaFileId: media.id },
        select: lessonSelect,
      })
      return { lesson: toLesson(row), mediaFileId: media.id, replacement: false, supersededKey: null }
    }
    return intoLesson(tx, input.lessonId, media.id)
  })
  // A replacement that this one supersedes goes with its bytes (nobody is waiting for it any more).
  if (supersededKey) {
    forgetUploadOwnership(supersededKey)
    await abortUpload(supersededKey)
  }
  await announceOutline({ type: 'lesson-saved', courseId, lesson })
  return { courseId, lesson, mediaFileId, replacement }
}

/** Under the course lock: the new file becomes the lesson's replacement, or, with no ready video to keep, its video. */
async function intoLesson(tx: Tx, lessonId: string, mediaFileId: string) {
  const current = await tx.video.findUniqueOrThrow({
    where: { id: lessonId },
    select: { mediaFile: { select: { status: true } }, replacementMediaFile: { select: { status: true, storageKey: true, updatedAt: true } } },
  })
  if (current.mediaFile?.status !== 'READY') {
    // Nothing students could watch: the lesson shows the new upload itself, as before.
    const row = await tx.video.update({ where: { id: lessonId }, data: { mediaFileId, status: 'UPLOADING', durationSeconds: null }, select: lessonSelect })
    return { lesson: toLesson(row), mediaFileId, replacement: false, supersededKey: null }
  }
  const previous = current.replacementMediaFile
  // One replacement at a time; one that failed, or an upload nobody is sending any more, gives way.
  const givesWay = previous && (previous.status === 'FAILED' || (previous.status === 'UPLOADING' && Date.now() - previous.updatedAt.getTime() >= UPLOAD_LIVE_MS))
  if (previous && !givesWay)
    throw new AppError('CONFLICT', 'A new video for this lesson is already uploading or processing; cancel it before choosing another')
  const row = await tx.video.update({ where: { id: lessonId }, data: { replacementMediaFileId: mediaFileId }, select: lessonSelect })
  return { lesson: toLesson(row), mediaFileId, replacement: true, supersededKey: previous?.storageKey ?? null }
}
