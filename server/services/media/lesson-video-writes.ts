// A lesson's own video is Video.mediaFileId, not a link row. Choosing a ready library file gives
// the lesson what a finished upload gives it (ready, with the file's duration); taking it away
// puts the lesson back to "no video yet", as a cancelled upload does (services/upload/abort-upload.ts).
// After the commit, announceLessons (announce-media.ts) tells the course editors.
import type { Video } from '#shared/types/outline'
import { toVideo, videoSelect } from '../outline/outline-dto'
import type { Tx } from './media-lock'

export interface LessonChange { courseId: string, video: Video }

export async function setLessonVideo(tx: Tx, { courseId, videoId, file }: { courseId: string, videoId: string, file: { id: string, durationSeconds: number | null } }): Promise<LessonChange> {
  const row = await tx.video.update({ where: { id: videoId }, data: { mediaFileId: file.id, status: 'READY', durationSeconds: file.durationSeconds }, select: videoSelect })
  return { courseId, video: toVideo(row) }
}

export async function clearLessonVideo(tx: Tx, { courseId, videoId }: { courseId: string, videoId: string }): Promise<LessonChange> {
  const row = await tx.video.update({ where: { id: videoId }, data: { mediaFileId: null, status: 'DRAFT', durationSeconds: null }, select: videoSelect })
  return { courseId, video: toVideo(row) }
}
