// Moves an upload's media file and what it fills to the next state together, and tells those
// following it: the course for a lesson, the conversation's readers for an attachment, and the
// owner's library list for lesson and library files. A lesson's replacement moves on by itself
// and leaves the lesson's state alone, until it is ready and takes the current video's place
// (swap-in-replacement.ts); a failed one stays beside the lesson, which plays on as before.
import type { MediaStatus } from '../../generated/prisma/client'
import { useDb } from '../../database/db'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import { announceAttachment } from '../conversation/announce-attachment'
import { announceMedia } from '../media/announce-media'
import { findUpload } from './find-upload'
import { announceOutline } from '../outline/announce-outline'
import { swapInReplacement } from './swap-in-replacement'

export async function setUploadState(uploadId: string, state: { status: MediaStatus, receivedBytes?: number, durationSeconds?: number | null, width?: number | null, height?: number | null, thumbnailKey?: string | null, failureReason?: string | null }): Promise<void> {
  const upload = await findUpload(uploadId)
  if (!upload) return
  const { status, receivedBytes, ...details } = state
  await useDb().mediaFile.update({
    where: { id: upload.mediaFileId },
    data: { status, ...details, ...(receivedBytes === undefined ? {} : { receivedBytes: BigInt(receivedBytes) }) },
  })
  if (upload.attachment) await announceAttachment(upload.mediaFileId)
  else await announceMedia(upload.ownerId, [upload.mediaFileId])
  if (!upload.lesson) return
  if (upload.lesson.replacement) {
    const { lessonId, courseId } = upload.lesson
    if (status === 'READY') return swapInReplacement({ ownerId: upload.ownerId, courseId, lessonId, mediaFileId: upload.mediaFileId, durationSeconds: details.durationSeconds ?? null })
    const row = await useDb().video.findUnique({ where: { id: lessonId }, select: lessonSelect })
    if (row) await announceOutline({ type: 'lesson-saved', courseId, lesson: toLesson(row) })
    return
  }
  const row = await useDb().video.update({
    where: { id: upload.lesson.lessonId },
    data: { status, ...(details.durationSeconds === undefined ? {} : { durationSeconds: details.durationSeconds }) },
    select: lessonSelect,
  })
  await announceOutline({ type: 'lesson-saved', courseId: upload.lesson.courseId, lesson: toLesson(row) })
}
