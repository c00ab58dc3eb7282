// An upload that will not complete (cancelled, refused after its first bytes, or abandoned):
// its bytes and media row go, and its lesson goes back to "no video yet" — or, when the lesson was
// made only for this file and the file was refused, the lesson goes too (nothing empty is left
// behind for a file the server would not take). A lesson's replacement (find-upload.ts) leaves
// the lesson exactly as it was: its current video was never touched.
import { useObjectStore } from '../../storage'
import { useDb } from '../../database/db'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import { withLockedCourse } from '../outline/course-lock'
import { readOrder, writeLessonPositions } from '../outline/positions'
import { announceMediaRemoved } from '../media/announce-media'
import { findUpload } from './find-upload'
import { announceOutline } from '../outline/announce-outline'

export async function abortUpload(uploadId: string, options: { dropCreatedLesson?: boolean } = {}): Promise<void> {
  const upload = await findUpload(uploadId)
  // Every object the upload owns, and on S3 its unfinished multipart upload.
  await useObjectStore().removeOwned(uploadId)
  if (!upload) return
  const lesson = upload.lesson
  if (lesson?.replacement) {
    // The row's foreign key clears Video.replacementMediaFileId (ON DELETE SET NULL).
    await useDb().mediaFile.delete({ where: { id: upload.mediaFileId } })
    const row = await useDb().video.findUnique({ where: { id: lesson.lessonId }, select: lessonSelect })
    if (row) await announceOutline({ type: 'lesson-saved', courseId: lesson.courseId, lesson: toLesson(row) })
    return void await announceMediaRemoved(upload.ownerId, upload.mediaFileId)
  }
  if (lesson && options.dropCreatedLesson) await dropLesson(upload.ownerId, lesson)
  else if (lesson) {
    const row = await useDb().video.update({ where: { id: lesson.lessonId }, data: { status: 'DRAFT', mediaFileId: null, durationSeconds: null }, select: lessonSelect })
    await announceOutline({ type: 'lesson-saved', courseId: lesson.courseId, lesson: toLesson(row) })
  }
  await useDb().mediaFile.delete({ where: { id: upload.mediaFileId } })
  if (!upload.attachment) await announceMediaRemoved(upload.ownerId, upload.mediaFileId)
}

/** Removes the lesson and closes up its chapter's positions, as a delete from the outline does. */
async function dropLesson(ownerId: string, lesson: { lessonId: string, chapterId: string, courseId: string }): Promise<void> {
  await withLockedCourse({ ownerId, courseId: lesson.courseId }, async (tx) => {
    await tx.video.deleteMany({ where: { id: lesson.lessonId } })
    const order = await readOrder(tx, lesson.courseId)
    await writeLessonPositions(tx, order.chapters)
  })
  await announceOutline({ type: 'outline-deleted', courseId: lesson.courseId, chapterIds: [], lessonIds: [lesson.lessonId] })
}
