// An upload that will not complete (cancelled, refused after its first bytes, or abandoned):
// its bytes and media row go, and its lesson goes back to "no video yet".
import { useFileStorage } from '../../uploads/storage'
import { useDb } from '../../database/db'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import { announceMediaRemoved } from '../media/announce-media'
import { findUpload } from './find-upload'
import { announceOutline } from '../outline/announce-outline'

export async function abortUpload(uploadId: string): Promise<void> {
  const upload = await findUpload(uploadId)
  await useFileStorage().remove(uploadId)
  if (!upload) return
  const lesson = upload.lesson
  if (lesson) {
    const row = await useDb().video.update({ where: { id: lesson.lessonId }, data: { status: 'DRAFT', mediaFileId: null, durationSeconds: null }, select: lessonSelect })
    await announceOutline({ type: 'lesson-saved', courseId: lesson.courseId, lesson: toLesson(row) })
  }
  await useDb().mediaFile.delete({ where: { id: upload.mediaFileId } })
  if (!upload.attachment) await announceMediaRemoved(upload.ownerId, upload.mediaFileId)
}
