// A lesson's own video is Video.mediaFileId, not a link row. Choosing a ready library file gives
// the lesson what a finished upload gives it (ready, with the file's duration); taking it away
// puts the lesson back to "no video yet", as a cancelled upload does (services/upload/abort-upload.ts).
// After the commit, announceLessons (announce-media.ts) tells the course editors.
// A lesson's replacement (Video.replacementMediaFileId) is not its video yet: dropping it leaves
// the lesson as it is.
import type { Lesson } from '#shared/types/outline'
import { toLesson, lessonSelect } from '../outline/outline-dto'
import type { Tx } from './media-lock'

export interface LessonChange { courseId: string, lesson: Lesson }

export async function setLessonVideo(tx: Tx, { courseId, lessonId, file }: { courseId: string, lessonId: string, file: { id: string, durationSeconds: number | null } }): Promise<LessonChange> {
  const row = await tx.video.update({ where: { id: lessonId }, data: { mediaFileId: file.id, status: 'READY', durationSeconds: file.durationSeconds }, select: lessonSelect })
  return { courseId, lesson: toLesson(row) }
}

export async function clearLessonVideo(tx: Tx, { courseId, lessonId }: { courseId: string, lessonId: string }): Promise<LessonChange> {
  const row = await tx.video.update({ where: { id: lessonId }, data: { mediaFileId: null, status: 'DRAFT', durationSeconds: null }, select: lessonSelect })
  return { courseId, lesson: toLesson(row) }
}

export async function dropReplacement(tx: Tx, mediaFileId: string): Promise<LessonChange[]> {
  const waiting = await tx.video.findMany({ where: { replacementMediaFileId: mediaFileId }, select: { id: true, chapter: { select: { courseId: true } } } })
  return Promise.all(waiting.map(async ({ id, chapter }) => {
    const row = await tx.video.update({ where: { id }, data: { replacementMediaFileId: null }, select: lessonSelect })
    return { courseId: chapter.courseId, lesson: toLesson(row) }
  }))
}
