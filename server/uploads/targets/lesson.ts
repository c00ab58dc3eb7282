// A lesson's video: instructors only, video containers (shared/uploads/targets.ts) up to
// LECTERN_MAX_VIDEO_BYTES (2 GiB), into a new lesson at the end of a chapter or replacing a
// lesson's file.
import { typeRefusal, UPLOAD_TARGET_LABELS } from '#shared/uploads/targets'
import { beginLessonUpload } from '../../services/upload/begin-lesson-upload'
import { AppError } from '../../utils/errors'
import { lecternConfig } from '../../utils/config'
import { looksLikeVideo } from '../signature'
import type { UploadTarget } from './target'

export const lessonTarget: UploadTarget = {
  kind: 'lesson',
  label: UPLOAD_TARGET_LABELS.lesson,
  maxBytes: () => lecternConfig().maxVideoBytes,
  refuseUser: user => (user.role === 'INSTRUCTOR' ? null : 'Only instructors upload lesson videos'),
  refuseType: (mimeType, fileName) => typeRefusal('lesson', mimeType, fileName),
  contentMatches: head => looksLikeVideo(head),
  async begin({ user, uploadId, fileName, mimeType, sizeBytes, meta }) {
    if (!meta.chapterId && !meta.lessonId) throw new AppError('VALIDATION', 'Say which chapter (chapterId) or lesson (lessonId) the video is for')
    const { courseId, lesson, mediaFileId } = await beginLessonUpload({
      ownerId: user.id,
      uploadId,
      fileName,
      mimeType,
      sizeBytes,
      chapterId: meta.chapterId ?? undefined,
      lessonId: meta.lessonId ?? undefined,
    })
    // Set here whatever the client sent: a refusal of the first bytes removes a lesson made for the file (handle-request.ts).
    return { courseId, chapterId: lesson.chapterId, lessonId: lesson.id, mediaFileId, lessonCreated: meta.lessonId ? 'false' : 'true' }
  },
}
