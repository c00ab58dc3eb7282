// A lesson's video: instructors only, video containers up to LECTERN_MAX_VIDEO_BYTES (2 GiB),
// into a new lesson at the end of a chapter or replacing a lesson's file.
import { beginLessonUpload } from '../../services/upload/begin-lesson-upload'
import { AppError } from '../../utils/errors'
import { looksLikeVideo } from '../signature'
import type { UploadTarget } from './target'

const GiB = 1024 ** 3
export const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'ogv', 'mpg', 'mpeg', 'ts']

export const lessonTarget: UploadTarget = {
  kind: 'lesson',
  label: 'lesson videos',
  maxBytes: () => Number(process.env.LECTERN_MAX_VIDEO_BYTES || 2 * GiB),
  refuseUser: user => (user.role === 'INSTRUCTOR' ? null : 'Only instructors upload lesson videos'),
  refuseType(mimeType, fileName) {
    const extension = fileName.toLowerCase().split('.').pop() ?? ''
    if (mimeType.toLowerCase().startsWith('video/') && VIDEO_EXTENSIONS.includes(extension)) return null
    return `Only video files can be lesson videos (${VIDEO_EXTENSIONS.join(', ')}); “${fileName || 'this file'}” is ${mimeType || 'of an unknown type'}.`
  },
  contentMatches: head => looksLikeVideo(head),
  async begin({ user, uploadId, fileName, mimeType, sizeBytes, meta }) {
    if (!meta.chapterId && !meta.videoId) throw new AppError('VALIDATION', 'Say which chapter (chapterId) or lesson (videoId) the video is for')
    const { courseId, video, mediaFileId } = await beginLessonUpload({
      ownerId: user.id,
      uploadId,
      fileName,
      mimeType,
      sizeBytes,
      chapterId: meta.chapterId ?? undefined,
      videoId: meta.videoId ?? undefined,
    })
    return { courseId, chapterId: video.chapterId, videoId: video.id, mediaFileId }
  },
}
