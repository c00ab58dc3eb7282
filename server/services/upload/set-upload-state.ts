// Moves an upload's media file and what it fills to the next state together, and tells those
// following it: the course for a lesson, the conversation's readers for an attachment, and the
// owner's library list for lesson and library files.
import type { MediaStatus } from '../../generated/prisma/client'
import { useDb } from '../../database/db'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import { announceAttachment } from '../conversation/announce-attachment'
import { announceMedia } from '../media/announce-media'
import { findUpload } from './find-upload'
import { announceOutline } from '../outline/announce-outline'

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
  const row = await useDb().video.update({
    where: { id: upload.lesson.lessonId },
    data: { status, ...(details.durationSeconds === undefined ? {} : { durationSeconds: details.durationSeconds }) },
    select: lessonSelect,
  })
  await announceOutline({ type: 'lesson-saved', courseId: upload.lesson.courseId, lesson: toLesson(row) })
}
